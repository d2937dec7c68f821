using WasmBox.Nano.Protocol.Json;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Update;
using WasmBox.Nano.Update.Policies;

namespace WasmBox.Nano.Protocol.Policies
{
    /// <summary>The JSON documents of the policy channel (README.md, "Hostcall policies"): results, the installed list, counters.</summary>
    public static class PolicyJson
    {
        /// <summary>{"op":"policy","bytes","ok","status","refusal","reason","name","sequence"}.</summary>
        public static byte[] Result(int bytes, PolicyResult r)
        {
            JsonWriter w = new JsonWriter(256);
            w.BeginObject()
                .Property("op", "policy")
                .Property("bytes", bytes)
                .Property("ok", r.Ok)
                .Property("status", ProtocolNames.Of(r.Ok ? r.Status : UpdateStatus.Refused))
                .Property("refusal", r.Ok ? null : UpdateRefusalText.Name(r.Refusal));
            w.Name("reason").String(r.Reason, ProtocolJson.MaxTextChars);
            w.Property("name", r.Name)
                .Property("sequence", r.Sequence)
                .EndObject();
            return w.ToArray();
        }

        /// <summary>The outcome as an event on the events topic: {"device","kind":"policy","timestampMs","status","refusal","name","sequence","detail"}.</summary>
        public static byte[] Event(string deviceId, long timestampMs, PolicyResult r)
        {
            JsonWriter w = new JsonWriter(256);
            w.BeginObject()
                .Property("device", deviceId)
                .Property("kind", "policy")
                .Property("timestampMs", timestampMs)
                .Property("status", ProtocolNames.Of(r.Ok ? r.Status : UpdateStatus.Refused))
                .Property("refusal", r.Ok ? null : UpdateRefusalText.Name(r.Refusal))
                .Property("name", r.Name)
                .Property("sequence", r.Sequence);
            w.Name("detail").String(r.Reason, ProtocolJson.MaxTextChars);
            w.EndObject();
            return w.ToArray();
        }

        /// <summary>
        /// The installed list, retained on the policies topic and served by GET policies:
        /// {"device","policies":[{"name","sequence","helpers":[names, or the id in decimal],"tenants":[] (empty: every tenant),"budget"}]}.
        /// </summary>
        public static byte[] Installed(string deviceId, HostcallPolicy[] policies)
        {
            JsonWriter w = new JsonWriter(128 + 128 * policies.Length);
            w.BeginObject().Property("device", deviceId).Name("policies").BeginArray();
            for (int i = 0; i < policies.Length; i++)
            {
                HostcallPolicy p = policies[i];
                w.BeginObject()
                    .Property("name", p.Name)
                    .Property("sequence", p.Sequence)
                    .Name("helpers").BeginArray();
                for (int h = 0; h < p.HelperIds.Length; h++)
                {
                    string name = HelperIds.NameOf(p.HelperIds[h]);
                    w.String(name != null ? name : p.HelperIds[h].ToString()); // always strings: a reader needs one type
                }
                w.EndArray().Name("tenants").BeginArray();
                for (int t = 0; t < p.Tenants.Length; t++)
                {
                    w.String(p.Tenants[t]);
                }
                w.EndArray().Property("budget", p.InstructionBudget).EndObject();
            }
            w.EndArray().EndObject();
            return w.ToArray();
        }

        /// <summary>Telemetry's "policies" member: each policy's decisions so far, {"name","allowed","denied","faulted"}.</summary>
        public static void WriteCounters(JsonWriter w, HostcallPolicy[] policies)
        {
            w.Name("policies").BeginArray();
            for (int i = 0; i < policies.Length; i++)
            {
                HostcallPolicy p = policies[i];
                w.BeginObject()
                    .Property("name", p.Name)
                    .Property("allowed", p.Allowed)
                    .Property("denied", p.Denied)
                    .Property("faulted", p.Faulted)
                    .EndObject();
            }
            w.EndArray();
        }
    }
}

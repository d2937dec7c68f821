using System.CommandLine;
using WasmBox.Nano.Cli.Commands;
using WasmBox.Nano.Cli.Project;
using WasmBox.Nano.Mqtt;

namespace WasmBox.Nano.Cli.Io;

/// <summary>
/// The options every command that talks MQTT shares: --mqtt (mqtt://, mqtts:// or host:port),
/// --ca, --cert/--cert-key and --user/--password (or WBX_MQTT_USER / WBX_MQTT_PASSWORD). Without
/// --mqtt the broker comes from <see cref="WbxConfig"/> (WBX_MQTT, wbx.json, ~/.config/wbx).
/// </summary>
internal sealed class BrokerOptions
{
    public const string UserVariable = "WBX_MQTT_USER";
    public const string PasswordVariable = "WBX_MQTT_PASSWORD";

    private readonly Option<string?> _mqtt;
    private readonly Option<string?> _ca = new("--ca") { Description = "PEM file of the CA that signed the broker's certificate (mqtts; default: the system's CAs)" };
    private readonly Option<string?> _cert = new("--cert") { Description = "PEM client certificate for brokers that ask for one (mqtts; with --cert-key)" };
    private readonly Option<string?> _certKey = new("--cert-key") { Description = "PEM private key of --cert" };
    private readonly Option<string?> _user = new("--user") { Description = "MQTT user name (default: $" + UserVariable + ")" };
    private readonly Option<string?> _password = new("--password") { Description = "MQTT password (default: $" + PasswordVariable + ", which keeps it out of the process list)" };

    public BrokerOptions(bool required, string what = "MQTT broker")
    {
        _mqtt = new Option<string?>("--mqtt")
        {
            Description = what + ": mqtt://host[:port] (1883), mqtts://host[:port] (TLS, 8883) or host[:port]"
                + (required ? "" : "; default $" + WbxConfig.MqttVariable + ", the project's wbx.json, ~/.config/wbx/config.json"),
            Required = required,
        };
    }

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { _mqtt, _ca, _cert, _certKey, _user, _password })
            command.Options.Add(option);
    }

    /// <summary>True when --mqtt was given or a default names a broker.</summary>
    public bool Given(ParseResult parse, WbxConfig? defaults = null) =>
        parse.GetValue(_mqtt) is not null || (defaults ?? WbxConfig.Resolve(null)).Mqtt is not null;

    /// <summary>The broker with its TLS and credential settings; a <see cref="CliError"/> when they do not fit together.</summary>
    public MqttEndpoint Endpoint(ParseResult parse, WbxConfig? defaults = null)
    {
        string text = parse.GetValue(_mqtt) ?? (defaults ?? WbxConfig.Resolve(null)).Mqtt
            ?? throw new CliError("no broker: give --mqtt HOST[:PORT], or set $" + WbxConfig.MqttVariable + " or \"mqtt\" in wbx.json or ~/.config/wbx/config.json");
        MqttEndpoint endpoint = MqttEndpoint.Parse(text) with
        {
            CaFile = RemoteCommand.ExistingFile(parse.GetValue(_ca), "--ca"),
            ClientCertFile = RemoteCommand.ExistingFile(parse.GetValue(_cert), "--cert"),
            ClientKeyFile = RemoteCommand.ExistingFile(parse.GetValue(_certKey), "--cert-key"),
            UserName = parse.GetValue(_user) ?? FromEnvironment(UserVariable),
            Password = parse.GetValue(_password) ?? FromEnvironment(PasswordVariable),
        };
        return endpoint.SettingsError() is string error ? throw new CliError(error) : endpoint;
    }

    /// <summary>The environment variable's value; null when unset or empty.</summary>
    public static string? FromEnvironment(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}

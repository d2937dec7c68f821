using System.Net;
using System.Net.Sockets;
using WasmBox.Nano.Coap;
using WasmBox.Nano.Coap.Host;

namespace WasmBox.Nano.Deploy.Client;

/// <summary>The operator's side over CoAP: deploy (block-wise), invoke and state on one device.</summary>
public sealed partial class CoapDeviceClient : IDisposable
{
    private readonly CoapClient _client;

    public CoapDeviceClient(BrokerAddress device)
    {
        Device = device;
        _client = new CoapClient(Resolve(device));
    }

    public BrokerAddress Device { get; }

    public UpdateReply Deploy(byte[] bundle) =>
        UpdateReplyOf(Send(() => _client.Post("deploy", bundle, CoapContentFormat.CoseSign1)), "deploy", bundle.Length);

    public InvokeReply Invoke(string tenant, int slot, byte[] payload)
    {
        CoapClientResponse response = Send(() => _client.Post("invoke?tenant=" + tenant + "&slot=" + slot, payload));
        return response.ContentFormat == CoapContentFormat.Json
            ? Replies.Parse<InvokeReply>(response.Payload, "the invocation result")
            : throw new DeployException("the device answered " + response);
    }

    public DeviceState State()
    {
        CoapClientResponse response = Send(() => _client.Get("state"));
        return response.IsSuccess
            ? Replies.Parse<DeviceState>(response.Payload, "the state")
            : throw new DeployException("the device answered " + response);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The JSON result, or one made from a refusal the CoAP layer gave before the update manager saw the body (4.13).</summary>
    private static UpdateReply UpdateReplyOf(CoapClientResponse response, string op, int bytes)
    {
        if (response.ContentFormat == CoapContentFormat.Json)
            return Replies.Parse<UpdateReply>(response.Payload, "the result");
        string refusal = response.Code == CoapCode.RequestEntityTooLarge ? "too-large" : "coap-" + response.CodeText;
        return new UpdateReply(op, bytes, false, "refused", refusal, response.ToString(), null, -1, 0);
    }

    private CoapClientResponse Send(Func<CoapClientResponse> request)
    {
        try
        {
            return request();
        }
        catch (Exception e) when (e is CoapClientException or TimeoutException or SocketException)
        {
            throw new DeployException("CoAP device " + Device + ": " + e.Message, e);
        }
    }

    private static IPEndPoint Resolve(BrokerAddress device)
    {
        if (IPAddress.TryParse(device.Host, out IPAddress? address))
            return new IPEndPoint(address, device.Port);
        IPAddress[] found;
        try
        {
            found = Dns.GetHostAddresses(device.Host);
        }
        catch (SocketException e)
        {
            throw new DeployException("cannot resolve " + device.Host + ": " + e.Message, e);
        }
        return found.Length > 0
            ? new IPEndPoint(found[0], device.Port)
            : throw new DeployException("cannot resolve " + device.Host);
    }
}

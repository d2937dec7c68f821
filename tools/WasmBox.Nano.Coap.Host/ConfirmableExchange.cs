using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WasmBox.Nano.Coap.Host;

/// <summary>
/// Sends one Confirmable request and waits for its response (RFC 7252 sections 4.2, 5.2): retransmits
/// with exponential back-off from a randomised ACK timeout up to MAX_RETRANSMIT times, takes a
/// piggy-backed response or an empty ACK followed by a separate one (acknowledging it), and fails
/// on a Reset or when every attempt went unanswered.
/// </summary>
internal sealed class ConfirmableExchange : IDisposable
{
    const int MaxDatagram = 65535;
    readonly Socket _socket;
    readonly CoapClientOptions _options;
    readonly byte[] _sendBuffer = new byte[MaxDatagram];
    readonly byte[] _receiveBuffer = new byte[MaxDatagram];
    readonly byte[] _controlBuffer = new byte[CoapCodec.HeaderLength];
    readonly CoapMessage _control = new(1, 0);
    readonly Random _random = new();
    int _nextMessageId;

    public ConfirmableExchange(IPEndPoint server, CoapClientOptions options)
    {
        _options = options;
        _socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Connect(server);
        _nextMessageId = _random.Next(0x10000);
    }

    /// <summary>Datagrams sent again because no answer came in time.</summary>
    public int Retransmissions { get; private set; }

    /// <summary>Sends <paramref name="request"/> (type, message id and token are set here) and decodes the response into <paramref name="response"/>.</summary>
    public void Run(CoapMessage request, CoapMessage response)
    {
        request.Type = CoapMessageType.Confirmable;
        request.MessageId = NextMessageId();
        var token = new byte[4];
        _random.NextBytes(token);
        request.SetToken(token, 0, token.Length);
        int length = CoapCodec.Encode(request, _sendBuffer);
        if (length < 0) throw new CoapClientException("request does not fit in one datagram");

        var timeout = _options.AckTimeout * (1 + _random.NextDouble() * (_options.AckRandomFactor - 1));
        for (int attempt = 0; attempt <= _options.MaxRetransmit; attempt++)
        {
            if (attempt > 0) Retransmissions++;
            Transmit(_sendBuffer, length);
            var outcome = AwaitAnswer(request, response, Stopwatch.StartNew(), timeout);
            if (outcome == Answer.Response) return;
            if (outcome == Answer.Reset) throw new CoapClientException("the server reset the request");
            if (outcome == Answer.EmptyAcknowledgement)
            {
                if (AwaitAnswer(request, response, Stopwatch.StartNew(), _options.SeparateResponseTimeout) == Answer.Response) return;
                throw new CoapClientException("no separate response within " + _options.SeparateResponseTimeout);
            }
            timeout *= 2;
        }
        throw new CoapClientException($"no response after {_options.MaxRetransmit + 1} transmissions");
    }

    enum Answer { None, Response, EmptyAcknowledgement, Reset }

    Answer AwaitAnswer(CoapMessage request, CoapMessage response, Stopwatch clock, TimeSpan limit)
    {
        while (clock.Elapsed < limit)
        {
            int length = ReceiveWithin(limit - clock.Elapsed);
            if (length <= 0) continue;
            if (CoapCodec.Decode(_receiveBuffer, length, response) != CoapDecodeError.None) continue;
            var answer = Classify(request, response);
            if (answer != Answer.None) return answer;
        }
        return Answer.None;
    }

    Answer Classify(CoapMessage request, CoapMessage message)
    {
        bool ourMessageId = message.MessageId == request.MessageId;
        switch (message.Type)
        {
            case CoapMessageType.Reset:
                return ourMessageId ? Answer.Reset : Answer.None;
            case CoapMessageType.Acknowledgement when ourMessageId:
                if (message.Code == CoapCode.Empty) return Answer.EmptyAcknowledgement;
                return message.TokenEquals(request) ? Answer.Response : Answer.None;
            case CoapMessageType.Confirmable or CoapMessageType.NonConfirmable when message.Code != CoapCode.Empty && !CoapCode.IsRequest(message.Code):
                bool ours = message.TokenEquals(request);
                if (message.Type == CoapMessageType.Confirmable) SendControl(ours ? CoapMessageType.Acknowledgement : CoapMessageType.Reset, message.MessageId);
                return ours ? Answer.Response : Answer.None;
            case CoapMessageType.Confirmable:
                SendControl(CoapMessageType.Reset, message.MessageId);
                return Answer.None;
            default:
                return Answer.None;
        }
    }

    void SendControl(CoapMessageType type, int messageId)
    {
        _control.Reset();
        _control.Type = type;
        _control.MessageId = messageId;
        Transmit(_controlBuffer, CoapCodec.Encode(_control, _controlBuffer));
    }

    void Transmit(byte[] datagram, int length)
    {
        try
        {
            _socket.Send(datagram, 0, length, SocketFlags.None);
        }
        catch (SocketException e) when (IsUnreachable(e))
        {
            // An ICMP error from an earlier datagram surfaces here; UDP treats it as a loss and so do we.
        }
    }

    static bool IsUnreachable(SocketException e) =>
        e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.HostUnreachable or SocketError.NetworkUnreachable;

    int ReceiveWithin(TimeSpan remaining)
    {
        if (remaining <= TimeSpan.Zero || !_socket.Poll(remaining, SelectMode.SelectRead)) return 0;
        try
        {
            return _socket.Receive(_receiveBuffer);
        }
        catch (SocketException e) when (IsUnreachable(e))
        {
            // Nobody listens (yet): keep waiting as for a lost datagram, until the retransmission budget runs out.
            return 0;
        }
    }

    int NextMessageId()
    {
        int id = _nextMessageId;
        _nextMessageId = (_nextMessageId + 1) & 0xFFFF;
        return id;
    }

    public void Dispose() => _socket.Dispose();
}

using System;

namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// CoAP server (RFC 7252) over an <see cref="IUdpEndpoint"/>: piggy-backed responses to
    /// Confirmable requests, duplicate detection, Reset for messages it cannot take, 4.02/4.04/4.05
    /// refusals, /.well-known/core, Block1 reassembly and Block2 slicing (RFC 7959). Single-threaded:
    /// one loop calls <see cref="PollOnce"/> (or <see cref="HandleDatagram"/>); handlers run on it.
    /// All buffers are allocated at construction.
    /// </summary>
    public sealed class CoapServer
    {
        const int ResponseOptionCapacity = 8;
        const int ResponseOptionValueCapacity = 32;
        // Header, an 8-byte token and the few options a response carries fit in this many bytes.
        const int ResponseOverhead = 40;

        readonly IUdpEndpoint _endpoint;
        readonly byte[] _receiveBuffer;
        readonly byte[] _sendBuffer;
        readonly CoapMessage _incoming;
        readonly CoapMessage _outgoing;
        readonly CoapRequest _request = new CoapRequest();
        readonly CoapResponse _response;
        readonly CoapResourceTree _resources;
        readonly DeduplicationCache _recent;
        readonly Block1Reassembler _reassembler;
        readonly int _preferredSizeExponent;
        readonly int _maxRequestBody;
        readonly ICoapClock _clock;
        int _nextMessageId;

        // Per-exchange additions to the response, reset by BeginResponse.
        bool _echoBlock1;
        BlockOption _block1Echo;
        int _size1;
        int _maxAge;
        int _reassemblySlot;

        public CoapServer(IUdpEndpoint endpoint, CoapServerOptions options)
        {
            if (endpoint == null) throw new ArgumentNullException("endpoint");
            if (options == null) throw new ArgumentNullException("options");
            CheckOptions(options);

            _endpoint = endpoint;
            _receiveBuffer = new byte[options.MaxMessageSize];
            _sendBuffer = new byte[options.MaxMessageSize];
            _incoming = new CoapMessage(options.MaxOptions, 0);
            _outgoing = new CoapMessage(ResponseOptionCapacity, ResponseOptionValueCapacity);
            _response = new CoapResponse(options.MaxResponseBody);
            _resources = new CoapResourceTree(options.MaxRequestBody);
            _recent = new DeduplicationCache(options.DeduplicationEntries, options.MaxMessageSize);
            _reassembler = new Block1Reassembler(options.ReassemblySlots, options.MaxRequestBody, options.TransferTimeoutMs);
            _clock = options.Clock != null ? options.Clock : new SystemCoapClock();
            _preferredSizeExponent = options.PreferredBlockSizeExponent;
            _maxRequestBody = options.MaxRequestBody;
            _nextMessageId = options.FirstMessageId & 0xFFFF;

            _resources.Register(WellKnownCoreResource.Path, new WellKnownCoreResource(_resources), CoapMethods.Get, 0).Unlisted();
        }

        public CoapResourceTree Resources { get { return _resources; } }

        /// <summary>Datagrams dropped or answered with Reset because they were not well-formed CoAP.</summary>
        public int MalformedCount { get; private set; }
        /// <summary>Retransmitted requests recognised by message id (answered from the cache or ignored).</summary>
        public int DuplicateCount { get; private set; }
        /// <summary>Handlers that threw; each was answered with 5.00.</summary>
        public int HandlerFailureCount { get; private set; }
        /// <summary>New Block1 transfers refused with 5.03 because every slot held an active one.</summary>
        public int BusyCount { get; private set; }

        /// <summary>Block1 transfers under way now.</summary>
        public int ActiveTransfers { get { return _reassembler.ActiveCount(_clock.NowMs); } }

        /// <summary>Registers a resource whose request body may be as large as the server's MaxRequestBody.</summary>
        public CoapResourceEntry Register(string path, ICoapResource handler, int methods)
        {
            return _resources.Register(path, handler, methods, _maxRequestBody);
        }

        public CoapResourceEntry Register(string path, ICoapResource handler, int methods, int maxRequestBody)
        {
            return _resources.Register(path, handler, methods, maxRequestBody);
        }

        /// <summary>Receives and answers at most one datagram; false when none came within the timeout.</summary>
        public bool PollOnce(int timeoutMilliseconds)
        {
            object remote;
            int length = _endpoint.Receive(_receiveBuffer, timeoutMilliseconds, out remote);
            if (length <= 0 || remote == null) return false;
            HandleDatagram(_receiveBuffer, length, remote);
            return true;
        }

        /// <summary>
        /// Answers one datagram. <paramref name="length"/> may exceed <paramref name="datagram"/>.Length
        /// when the endpoint could keep only its start; such a request is refused with 4.13.
        /// </summary>
        public void HandleDatagram(byte[] datagram, int length, object remote)
        {
            bool truncated = length > datagram.Length;
            CoapDecodeError error = CoapCodec.Decode(datagram, truncated ? datagram.Length : length, _incoming);
            if (error == CoapDecodeError.TooShort || error == CoapDecodeError.UnsupportedVersion)
            {
                MalformedCount++;
                return;
            }

            // Rejecting an Acknowledgement or Reset means ignoring it; this server never waits for one.
            CoapMessageType type = _incoming.Type;
            if (type == CoapMessageType.Acknowledgement || type == CoapMessageType.Reset) return;
            bool confirmable = type == CoapMessageType.Confirmable;

            if (!truncated && error != CoapDecodeError.None && error != CoapDecodeError.TooManyOptions)
            {
                MalformedCount++;
                if (confirmable) SendReset(remote);
                return;
            }
            // An empty Confirmable message is a ping; a response we never asked for has no exchange to join.
            if (!CoapCode.IsRequest(_incoming.Code))
            {
                if (confirmable) SendReset(remote);
                return;
            }

            int seen = _recent.Find(remote, _incoming.MessageId);
            if (seen >= 0)
            {
                DuplicateCount++;
                int cachedLength = _recent.ResponseLengthOf(seen);
                if (confirmable && cachedLength > 0) _endpoint.Send(_recent.ResponseOf(seen), 0, cachedLength, remote);
                return;
            }

            BeginResponse(confirmable);
            if (truncated) RefuseTooLarge(datagram.Length - ResponseOverhead);
            else if (error == CoapDecodeError.TooManyOptions) _response.Fail(CoapCode.BadRequest, "too many options");
            else Dispatch(remote);

            int written = Compose();
            _recent.Remember(remote, _incoming.MessageId, _sendBuffer, confirmable ? written : 0);
            _endpoint.Send(_sendBuffer, 0, written, remote);
        }

        void Dispatch(object remote)
        {
            byte method = _incoming.Code;
            int unrecognized = CoapOptionRules.FirstUnrecognizedCritical(_incoming);
            if (unrecognized >= 0)
            {
                _response.Fail(CoapCode.BadOption, "unrecognized critical option " + _incoming.OptionNumber(unrecognized).ToString());
                return;
            }
            if (CoapOptionRules.AsksForProxy(_incoming))
            {
                _response.Fail(CoapCode.ProxyingNotSupported, "not a proxy");
                return;
            }
            if (CoapMethods.FlagOf(method) == CoapMethods.None)
            {
                _response.Fail(CoapCode.MethodNotAllowed, "method not supported");
                return;
            }
            CoapResourceEntry resource = _resources.Find(_incoming);
            if (resource == null)
            {
                _response.Fail(CoapCode.NotFound, null);
                return;
            }
            if (!resource.Allows(method))
            {
                _response.Fail(CoapCode.MethodNotAllowed, null);
                return;
            }
            if (!AcceptsAdvertisedFormat(resource))
            {
                _response.Fail(CoapCode.NotAcceptable, null);
                return;
            }
            if (HasReservedBlockSize(CoapOptionNumber.Block2))
            {
                _response.Fail(CoapCode.BadRequest, "Block2 SZX 7 is reserved");
                return;
            }
            if (!TakeBody(resource, remote)) return;

            RunHandler(resource);
            if (_reassemblySlot >= 0) _reassembler.Release(_reassemblySlot);
        }

        /// <summary>Binds the request body; false when the response is already decided (2.31 or a refusal).</summary>
        bool TakeBody(CoapResourceEntry resource, object remote)
        {
            uint declared;
            if (_incoming.TryGetUint(CoapOptionNumber.Size1, out declared) && declared > (uint)resource.MaxRequestBody)
            {
                RefuseTooLarge(resource.MaxRequestBody);
                return false;
            }

            uint raw;
            if (!_incoming.TryGetUint(CoapOptionNumber.Block1, out raw))
            {
                if (_incoming.PayloadLength > resource.MaxRequestBody)
                {
                    RefuseTooLarge(resource.MaxRequestBody);
                    return false;
                }
                _request.Bind(_incoming, resource, remote, _incoming.PayloadBuffer, _incoming.PayloadOffset, _incoming.PayloadLength);
                return true;
            }

            BlockOption block = BlockOption.Decode(raw);
            if (block.SizeExponent > BlockOption.MaxSizeExponent)
            {
                _response.Fail(CoapCode.BadRequest, "Block1 SZX 7 is reserved");
                return false;
            }

            int slot;
            long nowMs = _clock.NowMs;
            Block1Result result = _reassembler.Accept(remote, resource, block,
                _incoming.PayloadBuffer, _incoming.PayloadOffset, _incoming.PayloadLength, nowMs, out slot);
            switch (result)
            {
                case Block1Result.Continue:
                    _response.Begin(CoapCode.Continue);
                    // Asking for a smaller SZX here makes the client continue with blocks of that size.
                    EchoBlock1(new BlockOption(block.Number, true, Smaller(block.SizeExponent, _preferredSizeExponent)));
                    return false;
                case Block1Result.Complete:
                    _reassemblySlot = slot;
                    EchoBlock1(new BlockOption(block.Number, false, block.SizeExponent));
                    _request.Bind(_incoming, resource, remote, _reassembler.BufferOf(slot), 0, _reassembler.LengthOf(slot));
                    return true;
                case Block1Result.TooLarge:
                    RefuseTooLarge(resource.MaxRequestBody);
                    return false;
                case Block1Result.WrongBlockSize:
                    _response.Fail(CoapCode.BadRequest, "block payload does not match the block size");
                    return false;
                case Block1Result.Busy:
                    // RFC 7959 2.9.3: the server cannot take another transfer now; Max-Age says when to retry.
                    BusyCount++;
                    _response.Fail(CoapCode.ServiceUnavailable, "every block-wise transfer slot is in use");
                    _maxAge = _reassembler.SecondsUntilFree(nowMs);
                    return false;
                default:
                    _response.Fail(CoapCode.RequestEntityIncomplete, "block missing or out of order");
                    return false;
            }
        }

        void RunHandler(CoapResourceEntry resource)
        {
            _response.Begin(DefaultCode(_incoming.Code));
            try
            {
                resource.Handler.Handle(_request, _response);
            }
            catch (Exception)
            {
                // A faulty handler must not stop the server loop; the client learns it failed.
                HandlerFailureCount++;
                _response.Fail(CoapCode.InternalServerError, "handler failed");
                return;
            }
            if (_response.Overflowed)
            {
                _response.Fail(CoapCode.InternalServerError, "response larger than MaxResponseBody");
                return;
            }
            // Only a GET is checked after the fact: it has no side effect that a 4.06 would hide.
            int accept = _request.Accept;
            if (_incoming.Code == CoapCode.Get && accept != CoapContentFormat.None && CoapCode.IsSuccess(_response.Code) && _response.ContentFormat != accept)
                _response.Fail(CoapCode.NotAcceptable, null);
        }

        /// <summary>False when the request's Accept differs from the format the resource advertises (checked before any side effect).</summary>
        bool AcceptsAdvertisedFormat(CoapResourceEntry resource)
        {
            uint accept;
            return resource.ContentFormat == CoapContentFormat.None
                || !_incoming.TryGetUint(CoapOptionNumber.Accept, out accept)
                || accept == (uint)resource.ContentFormat;
        }

        /// <summary>Turns <see cref="_response"/> into the datagram in the send buffer; returns its length.</summary>
        int Compose()
        {
            int offset = 0;
            int length = _response.Length;
            bool sliced = false;
            BlockOption block2 = new BlockOption();
            if (_incoming.Code == CoapCode.Get && CoapCode.IsSuccess(_response.Code))
            {
                sliced = SliceBlock2(out block2, out offset, out length);
            }

            _outgoing.Code = _response.Code;
            if (_response.ContentFormat != CoapContentFormat.None)
                _outgoing.AddUintOption(CoapOptionNumber.ContentFormat, (uint)_response.ContentFormat);
            if (_echoBlock1) _outgoing.AddUintOption(CoapOptionNumber.Block1, _block1Echo.Encode());
            if (sliced)
            {
                _outgoing.AddUintOption(CoapOptionNumber.Block2, block2.Encode());
                _outgoing.AddUintOption(CoapOptionNumber.Size2, (uint)_response.Length);
            }
            if (_maxAge >= 0) _outgoing.AddUintOption(CoapOptionNumber.MaxAge, (uint)_maxAge);
            if (_size1 >= 0) _outgoing.AddUintOption(CoapOptionNumber.Size1, (uint)_size1);
            _outgoing.SetPayload(_response.Buffer, offset, length);

            int written = CoapCodec.Encode(_outgoing, _sendBuffer);
            if (written >= 0) return written;

            // Only a body too large for one datagram (a non-GET response) gets here.
            _outgoing.ClearOptionsAndPayload();
            _outgoing.Code = CoapCode.InternalServerError;
            return CoapCodec.Encode(_outgoing, _sendBuffer);
        }

        /// <summary>Picks the Block2 slice of a GET response; false when the body goes out whole.</summary>
        bool SliceBlock2(out BlockOption block, out int offset, out int length)
        {
            int total = _response.Length;
            int exponent = _preferredSizeExponent;
            offset = 0;
            uint raw;
            bool asked = _incoming.TryGetUint(CoapOptionNumber.Block2, out raw);
            if (asked)
            {
                BlockOption wanted = BlockOption.Decode(raw);
                exponent = Smaller(wanted.SizeExponent, exponent);
                offset = wanted.Offset;
            }
            int size = BlockOption.SizeOf(exponent);
            block = new BlockOption();
            length = total;
            if (!asked && total <= size) return false;
            if (offset > 0 && offset >= total)
            {
                _response.Fail(CoapCode.BadOption, "Block2 beyond the end of the body");
                // The refusal's text starts at 0, not at the requested block's offset (found by the CoAP fuzzer).
                offset = 0;
                length = _response.Length;
                return false;
            }
            length = total - offset < size ? total - offset : size;
            block = new BlockOption(offset / size, offset + length < total, exponent);
            return true;
        }

        void BeginResponse(bool confirmable)
        {
            _outgoing.Reset();
            _outgoing.Type = confirmable ? CoapMessageType.Acknowledgement : CoapMessageType.NonConfirmable;
            _outgoing.MessageId = confirmable ? _incoming.MessageId : NextMessageId();
            _outgoing.CopyTokenFrom(_incoming);
            _response.Begin(CoapCode.InternalServerError);
            _echoBlock1 = false;
            _size1 = -1;
            _maxAge = -1;
            _reassemblySlot = -1;
        }

        void RefuseTooLarge(int limit)
        {
            _response.Fail(CoapCode.RequestEntityTooLarge, null);
            _size1 = limit < 0 ? 0 : limit;
        }

        void EchoBlock1(BlockOption block)
        {
            _echoBlock1 = true;
            _block1Echo = block;
        }

        bool HasReservedBlockSize(int option)
        {
            uint raw;
            return _incoming.TryGetUint(option, out raw) && (raw & 7) == 7;
        }

        void SendReset(object remote)
        {
            _outgoing.Reset();
            _outgoing.Type = CoapMessageType.Reset;
            _outgoing.MessageId = _incoming.MessageId;
            int written = CoapCodec.Encode(_outgoing, _sendBuffer);
            _endpoint.Send(_sendBuffer, 0, written, remote);
        }

        int NextMessageId()
        {
            int id = _nextMessageId;
            _nextMessageId = (_nextMessageId + 1) & 0xFFFF;
            return id;
        }

        static byte DefaultCode(byte method)
        {
            if (method == CoapCode.Get) return CoapCode.Content;
            if (method == CoapCode.Delete) return CoapCode.Deleted;
            return CoapCode.Changed;
        }

        static int Smaller(int a, int b) { return a < b ? a : b; }

        static void CheckOptions(CoapServerOptions options)
        {
            if (options.PreferredBlockSizeExponent < 0 || options.PreferredBlockSizeExponent > BlockOption.MaxSizeExponent)
                throw new ArgumentOutOfRangeException("options", "PreferredBlockSizeExponent must be 0..6");
            if (options.MaxMessageSize < BlockOption.SizeOf(options.PreferredBlockSizeExponent) + ResponseOverhead)
                throw new ArgumentOutOfRangeException("options", "MaxMessageSize must hold a preferred block plus " + ResponseOverhead.ToString() + " bytes");
            if (options.TransferTimeoutMs < 1)
                throw new ArgumentOutOfRangeException("options", "TransferTimeoutMs must be at least 1");
            if (options.MaxResponseBody < 64 || options.MaxRequestBody < 0 || options.ReassemblySlots < 1
                || options.DeduplicationEntries < 1 || options.MaxOptions < 8)
                throw new ArgumentOutOfRangeException("options", "MaxResponseBody >= 64, MaxRequestBody >= 0, ReassemblySlots >= 1, DeduplicationEntries >= 1, MaxOptions >= 8");
        }
    }
}

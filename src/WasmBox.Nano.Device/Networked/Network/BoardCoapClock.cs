using WasmBox.Nano.Coap;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Device.Networked.Network
{
    /// <summary>The CoAP server's milliseconds from the board's monotonic clock, so block-wise transfers never expire on a wall-clock jump.</summary>
    public sealed class BoardCoapClock : ICoapClock
    {
        private readonly IClock _clock;

        public BoardCoapClock(IClock clock)
        {
            _clock = clock;
        }

        public long NowMs { get { return _clock.NowMs; } }
    }
}

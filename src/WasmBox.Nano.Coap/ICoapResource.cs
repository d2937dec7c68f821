namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// Application code behind one path. The server has already checked the method against the
    /// registration and reassembled a block-wise request body; it slices a large GET response into
    /// blocks itself. <see cref="Handle"/> runs on the server's receive loop: keep it short.
    /// </summary>
    public interface ICoapResource
    {
        void Handle(CoapRequest request, CoapResponse response);
    }
}

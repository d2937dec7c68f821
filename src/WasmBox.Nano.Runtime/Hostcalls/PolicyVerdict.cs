namespace WasmBox.Nano.Runtime.Hostcalls
{
    /// <summary>How a policy program decided one helper call.</summary>
    public enum PolicyVerdict
    {
        Allow = 0,
        /// <summary>The program returned a negative errno (or a positive value, read as -EACCES).</summary>
        Deny = 1,
        /// <summary>The program faulted or ran out of budget: denied with -EACCES (fail closed).</summary>
        Fault = 2,
    }
}

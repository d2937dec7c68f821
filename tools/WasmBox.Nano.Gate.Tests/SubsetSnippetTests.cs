using WasmBox.Nano.Gate.Tests.Support;

namespace WasmBox.Nano.Gate.Tests;

/// <summary>
/// Code using what nanoFramework 1.17 lacks fails the gate with a diagnostic that names the reason;
/// code using what it has passes (so the failures are not a broken facade).
/// </summary>
public class SubsetSnippetTests : IDisposable
{
    readonly TempProjects temp = new();

    public void Dispose() => temp.Dispose();

    ProjectResult CheckSnippet(string usings, string body)
    {
        var file = temp.WriteFile("Snippet.cs", usings + "\nnamespace S\n{\n    public class C\n    {\n" + body + "\n    }\n}\n");
        return Repository.GateFor(temp.Root).CheckFile(file);
    }

    [Theory]
    [InlineData("List<T>", "using System.Collections.Generic;", "int M() { var l = new List<int>(); return l.Count; }", "CS0246", "List<>")]
    [InlineData("Dictionary<,>", "", "object M() { return new System.Collections.Generic.Dictionary<int, int>(); }", "CS0234", "Generic")]
    [InlineData("LINQ", "using System.Linq;", "int M(int[] a) { return a.Count(); }", "CS0234", "Linq")]
    [InlineData("async/await", "using System.Threading.Tasks;", "async Task M() { await Task.Delay(1); }", "CS0234", "Tasks")]
    [InlineData("int?", "", "int? M() { return null; }", "CS0518", "System.Nullable`1")]
    [InlineData("Span<T>", "using System;", "int M(byte[] a) { Span<byte> s = a; return s.Length; }", "CS0246", "Span<>")]
    [InlineData("tuple", "", "(int, int) M() { return (1, 2); }", "CS8179", "System.ValueTuple`2")]
    [InlineData("decimal", "", "decimal M() { return 1m; }", "CS0518", "System.Decimal")]
    [InlineData("string.Join", "", "string M(string[] a) { return string.Join(\",\", a); }", "CS0117", "Join")]
    [InlineData("string.Replace", "", "string M(string a) { return a.Replace(\"a\", \"b\"); }", "CS1061", "Replace")]
    [InlineData("string.IsNullOrWhiteSpace", "", "bool M(string a) { return string.IsNullOrWhiteSpace(a); }", "CS0117", "IsNullOrWhiteSpace")]
    [InlineData("Math.Max(long,long)", "using System;", "long M(long a, long b) { return Math.Max(a, b); }", "CS0103", "Math")]
    [InlineData("DateTime.Now", "using System;", "DateTime M() { return DateTime.Now; }", "CS0117", "Now")]
    [InlineData("TimeSpan.FromSeconds(double)", "using System;", "TimeSpan M() { return TimeSpan.FromSeconds(1.5); }", "CS1503", "double")]
    [InlineData("Monitor.Wait", "using System.Threading;", "void M(object o) { Monitor.Wait(o); }", "CS0117", "Wait")]
    [InlineData("DivideByZeroException", "using System;", "object M() { return new DivideByZeroException(); }", "CS0246", "DivideByZeroException")]
    [InlineData("StringBuilder", "using System.Text;", "object M() { return new StringBuilder(); }", "CS0246", "StringBuilder")]
    [InlineData("Hashtable", "using System.Collections;", "object M() { return new Hashtable(); }", "CS0246", "Hashtable")]
    [InlineData("generic method", "", "T M<T>(T t) { return t; }", "NF0001", "generic declaration")]
    [InlineData("Action<T>", "using System;", "void M() { Action<int> a = x => { }; a(1); }", "NF0001", "Action<int>")]
    [InlineData("unsafe", "", "unsafe void M(byte* p) { }", "CS0227", "unsafe")]
    [InlineData("C# 8 switch expression", "", "int M(int a) { return a switch { 1 => 2, _ => 3 }; }", "CS8370", "C# 7.3")]
    public void Missing_feature_fails_with_a_diagnostic(string feature, string usings, string body, string expectedId, string expectedText)
    {
        var result = CheckSnippet(usings, body);

        Assert.False(result.Ok, feature + " passed the gate");
        Assert.Contains(result.Errors, e => e.Id == expectedId && e.Message.Contains(expectedText));
        Assert.All(result.Errors, e => Assert.Matches(@"^Snippet\.cs\(\d+,\d+\): error \w+: ", e.ToString()));
    }

    [Fact]
    public void Code_within_the_subset_passes()
    {
        var result = CheckSnippet("using System;\nusing System.Collections;\nusing System.Diagnostics;\nusing System.Threading;", """
                    readonly object sync = new object();
                    int counter;
                    public string Run(byte[] data)
                    {
                        var list = new ArrayList();
                        foreach (byte b in data) list.Add(b);
                        lock (sync) { Interlocked.Increment(ref counter); }
                        var done = new AutoResetEvent(false);
                        var timer = new Timer(state => done.Set(), null, 10, Timeout.Infinite);
                        done.WaitOne(100, false);
                        timer.Dispose();
                        var thread = new Thread(() => Thread.Sleep(1));
                        thread.Start();
                        Debug.WriteLine("n=" + list.Count);
                        Console.WriteLine(string.Format("{0:X2}", data.Length));
                        var when = DateTime.UtcNow.AddMilliseconds(5) - TimeSpan.FromSeconds(1);
                        return BitConverter.ToString(BitConverter.GetBytes(counter)) + when.Ticks.ToString() + Guid.NewGuid().ToString();
                    }
            """);

        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
    }
}

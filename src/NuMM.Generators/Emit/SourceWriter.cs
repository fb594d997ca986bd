using System;
using System.Text;

namespace NuMM.Generators.Emit;

/// <summary>Writes indented C# text.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _b = new();
    private int _indent;

    public void WriteLine(string line = "")
    {
        if (line.Length > 0) _b.Append(' ', _indent * 4).Append(line);
        _b.Append('\n');
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace; disposing writes the closing brace.</summary>
    public IDisposable Block(string header, string close = "}")
    {
        WriteLine(header);
        WriteLine("{");
        _indent++;
        return new Closer(this, close);
    }

    public override string ToString() => _b.ToString();

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _w;
        private readonly string _close;

        public Closer(SourceWriter w, string close)
        {
            _w = w;
            _close = close;
        }

        public void Dispose()
        {
            _w._indent--;
            _w.WriteLine(_close);
        }
    }
}

using Xunit;

namespace CellularIot.NanoCheck.Tests;

public sealed class RejectionTests
{
    [Fact]
    public void GenericListDoesNotCompileAndNamesTheFile()
    {
        var found = Check.Source("firmware/Net/Offender.cs", """
            namespace Demo
            {
                using System.Collections.Generic;

                public class Offender
                {
                    private List<int> items = new List<int>();
                }
            }
            """);

        var violation = Assert.Single(found.Where(v => v.Message.Contains("CS0246", StringComparison.Ordinal)).Take(1));
        Assert.Equal("firmware/Net/Offender.cs", violation.File);
        Assert.Equal(7, violation.Line);
        Assert.Contains("List<>", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExceptionFilterIsRejectedWithItsMember()
    {
        var found = Check.Source("Filter.cs", """
            namespace Demo
            {
                public class Filter
                {
                    public int Run(int code)
                    {
                        try
                        {
                            return 10 / code;
                        }
                        catch (System.InvalidOperationException) when (code == 0)
                        {
                            return -1;
                        }
                    }
                }
            }
            """);

        var violation = Assert.Single(found);
        Assert.Equal("Demo.Filter.Run", violation.Member);
        Assert.Equal("Filter.cs", violation.File);
        Assert.Equal(11, violation.Line);
        Assert.Contains("exception filter", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MultiDimensionalArrayIsRejected()
    {
        var found = Check.Source("Grid.cs", """
            namespace Demo
            {
                public class Grid
                {
                    public int Corner()
                    {
                        int[,] cells = new int[2, 2];
                        return cells[1, 1];
                    }
                }
            }
            """);

        Assert.NotEmpty(found);
        Assert.All(found, v => Assert.Contains("multi-dimensional array", v.Message, StringComparison.Ordinal));
        Assert.Contains(found, v => v.Member == "Demo.Grid.Corner" && v.Line == 7);
    }

    [Fact]
    public void LinqDoesNotCompile()
    {
        var found = Check.Source("Query.cs", """
            namespace Demo
            {
                using System.Linq;

                public class Query
                {
                    public int Count(int[] values) => values.Where(v => v > 0).Count();
                }
            }
            """);

        Assert.Contains(found, v => v.File == "Query.cs" && v.Line == 3 && v.Message.Contains("Linq", StringComparison.Ordinal));
    }

    [Fact]
    public void AsyncDoesNotCompile()
    {
        var found = Check.Source("Later.cs", """
            namespace Demo
            {
                public class Later
                {
                    public async void Run()
                    {
                        await System.Threading.Tasks.Task.Delay(1);
                    }
                }
            }
            """);

        Assert.NotEmpty(found);
        Assert.All(found, v => Assert.Equal("Later.cs", v.File));
        Assert.Contains(found, v => v.Message.Contains("Tasks", StringComparison.Ordinal) || v.Message.Contains("async", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void GenericDefinitionsAndInstantiationsFromMscorlibAreRejected()
    {
        var found = Check.Source("Generic.cs", """
            namespace Demo
            {
                public class Box<T>
                {
                }

                public class User
                {
                    public static T Echo<T>(T value) => value;

                    public void Run()
                    {
                        System.Action<int> print = n => { };
                        print(Echo(1));
                    }
                }
            }
            """);

        string all = Check.Describe(found);
        Assert.Contains(found, v => v.Member == "Demo.Box`1" && v.Message.Contains("generic type definition", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Member == "Demo.User.Echo" && v.Message.Contains("generic method definition", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Member == "Demo.User.Run" && v.Message.Contains("System.Action`1<Int32>", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Member == "Demo.User.Run" && v.Message.Contains("generic method instantiation", StringComparison.Ordinal));
        Assert.DoesNotContain(found, v => v.File.Length == 0);
        Assert.False(string.IsNullOrEmpty(all));
    }

    [Fact]
    public void UnsafeCodeDoesNotCompile()
    {
        var found = Check.Source("Raw.cs", """
            namespace Demo
            {
                public class Raw
                {
                    public unsafe int Read(int* p) => *p;
                }
            }
            """);

        Assert.Contains(found, v => v.File == "Raw.cs" && v.Message.Contains("CS0227", StringComparison.Ordinal));
    }

    [Fact]
    public void ReferenceToAnotherAssemblyIsRejected()
    {
        var other = Check.Compiler.Compile("Other", [new SourceFile("Other.cs", "namespace Lib { public class Thing { public static int Value() => 1; } }")], []);
        Assert.True(other.Succeeded, Check.Describe(other.Errors));

        var found = Check.Source("Uses.cs", "namespace Demo { public class Uses { public int Run() => Lib.Thing.Value(); } }", other.ToReference());

        var violation = Assert.Single(found);
        Assert.Contains("references assembly 'Other'", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanDeviceCodePasses()
    {
        var found = Check.Source("Clean.cs", """
            namespace Demo
            {
                using System;
                using System.Collections;
                using System.Threading;

                public class Clean
                {
                    private readonly ArrayList items = new ArrayList();
                    private readonly AutoResetEvent ready = new AutoResetEvent(false);
                    private int[][] jagged = new int[2][];

                    public string Run(string name)
                    {
                        lock (items)
                        {
                            items.Add(name);
                        }

                        try
                        {
                            ready.WaitOne(10, false);
                            return "hello " + name + " " + items.Count + jagged.Length;
                        }
                        catch (InvalidOperationException ex)
                        {
                            return ex.Message;
                        }
                    }
                }
            }
            """);

        Assert.Empty(found);
    }
}

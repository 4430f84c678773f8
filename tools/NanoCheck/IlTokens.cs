using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace CellularIot.NanoCheck;

/// <summary>Walks a method body's IL and yields each metadata token it uses, with its IL offset.</summary>
internal static class IlTokens
{
    private static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => unchecked((ushort)code.Value));

    /// <summary>One token use: where in the IL, and the entity it names.</summary>
    public readonly record struct TokenUse(int Offset, EntityHandle Handle);

    /// <summary>Offsets of every <c>localloc</c> (stackalloc), which needs unsafe memory the device does not give.</summary>
    public static List<int> LocallocOffsets(MethodBodyBlock body) => Walk(body).Where(i => i.Code == OpCodes.Localloc).Select(i => i.Offset).ToList();

    /// <summary>Every token operand in the body.</summary>
    public static IEnumerable<TokenUse> Tokens(MethodBodyBlock body)
    {
        foreach (var instruction in Walk(body))
        {
            if (instruction.Token != 0)
            {
                yield return new TokenUse(instruction.Offset, MetadataTokens.EntityHandle(instruction.Token));
            }
        }
    }

    private static List<(int Offset, OpCode Code, int Token)> Walk(MethodBodyBlock body)
    {
        var instructions = new List<(int, OpCode, int)>();
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            int offset = il.Offset;
            ushort value = il.ReadByte();
            if (value == 0xFE)
            {
                value = (ushort)(0xFE00 | il.ReadByte());
            }

            if (!OpCodesByValue.TryGetValue(value, out var code))
            {
                throw new BadImageFormatException($"unknown IL opcode 0x{value:X} at IL_{offset:X4}");
            }

            int token = 0;
            switch (code.OperandType)
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineSig:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    token = il.ReadInt32();
                    break;
                case OperandType.InlineString:
                case OperandType.InlineI:
                case OperandType.InlineBrTarget:
                case OperandType.ShortInlineR:
                    il.Offset += 4;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineSwitch:
                    // The count first, then its targets: "il.Offset += 4 * il.ReadInt32()" would read Offset before
                    // the count is consumed and land four bytes short, inside the jump table.
                    int targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
            }

            instructions.Add((offset, code, token));
        }

        return instructions;
    }
}

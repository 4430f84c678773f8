using System.Text;
using CellularIot.Cloud.Mqtt;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The MQTT packet framer and decoders on any broker byte stream, whole and in random splits: only
/// <see cref="MqttException"/> escapes, a packet never exceeds the limit, a decoded PUBLISH lies inside its packet,
/// and the packets and the error do not depend on the split.
/// </summary>
public sealed class MqttFramerTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "mqtt-framer";

    /// <inheritdoc/>
    public string Description => "PacketFramer and PacketDecoder on any broker stream, any split";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        yield return [3, 5, 1, 0x20, 0x02, 0x00, 0x00, 0x90, 0x03, 0x00, 0x01, 0x00, 0xD0, 0x00];
        yield return [3, 5, 1, .. Publish("8988228066612345678/commands/ping", "{}", 1), 0x40, 0x02, 0x00, 0x07];
        yield return [3, 5, 1, .. Publish("8988228066612345678/commands/x", new string('a', 200), 0)];
        yield return [3, 5, 1, 0x30, 0xFF, 0xFF, 0xFF, 0x7F];
        yield return [1, 2, 1, 0x30, 0x80, 0x80, 0x80, 0x80, 0x01];
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        int limit = 16 + input.Below(4096);
        int splitSeed = input.Byte();
        int maxPiece = 1 + input.Below(64);
        byte[] stream = input.Rest();
        string whole = Frame(stream, limit, (feed, bytes) => feed(bytes, 0, bytes.Length));
        string split = Frame(stream, limit, (feed, bytes) => Splits.Feed(bytes, splitSeed, maxPiece, feed));
        FuzzFindingException.Check(whole == split, "the framer's packets depend on the split:\n" + whole + "\n---\n" + split);
    }

    internal static byte[] Publish(string topic, string payload, int qos)
    {
        byte[] t = Encoding.UTF8.GetBytes(topic);
        byte[] p = Encoding.UTF8.GetBytes(payload);
        var body = new List<byte> { (byte)(t.Length >> 8), (byte)t.Length };
        body.AddRange(t);
        if (qos > 0)
        {
            body.AddRange([0x00, 0x07]);
        }

        body.AddRange(p);
        var packet = new List<byte> { (byte)(0x30 | (qos << 1)) };
        int remaining = body.Count;
        do
        {
            byte digit = (byte)(remaining % 128);
            remaining /= 128;
            packet.Add(remaining > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (remaining > 0);
        packet.AddRange(body);
        return [.. packet];
    }

    private static string Frame(byte[] stream, int limit, Action<Action<byte[], int, int>, byte[]> feedAll)
    {
        var log = new StringBuilder();
        var framer = new PacketFramer(limit);
        var message = new MqttMessage();
        try
        {
            feedAll(
                (bytes, offset, count) =>
                {
                    while (count > 0)
                    {
                        int taken = framer.Feed(bytes, offset, count);
                        FuzzFindingException.Check(taken > 0 || framer.HasPacket, "the framer took nothing and has no packet");
                        offset += taken;
                        count -= taken;
                        if (framer.HasPacket)
                        {
                            FuzzFindingException.Check(framer.BodyLength <= limit, "a packet over the limit");
                            log.Append(framer.Header.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(Convert.ToHexString(framer.Body, 0, framer.BodyLength));
                            Decode(framer, message, log);
                            log.Append(';');
                            framer.Next();
                        }
                    }
                },
                stream);
        }
        catch (MqttException ex)
        {
            log.Append("error ").Append(ex.Error);
        }

        return log.ToString();
    }

    private static void Decode(PacketFramer framer, MqttMessage message, StringBuilder log)
    {
        switch (framer.Type)
        {
            case PacketType.Connack:
                log.Append(" connack ").Append(PacketDecoder.ReadConnack(framer.Body, framer.BodyLength, out bool present)).Append(present);
                break;
            case PacketType.Publish:
                PacketDecoder.ReadPublish(framer.Header, framer.Body, framer.BodyLength, message);
                FuzzFindingException.Check(message.TopicOffset >= 0 && message.TopicOffset + message.TopicLength <= framer.BodyLength, "topic outside the packet");
                FuzzFindingException.Check(message.PayloadOffset >= 0 && message.PayloadOffset + message.PayloadLength <= framer.BodyLength, "payload outside the packet");
                log.Append(" publish ").Append(message.GetTopic()).Append(' ').Append(message.Qos).Append(' ').Append(message.PacketId);
                break;
            case PacketType.Suback:
                log.Append(" suback ").Append(PacketDecoder.ReadSuback(framer.Body, framer.BodyLength, new SubscribeReturnCode[Math.Max(1, framer.BodyLength - 2)]));
                break;
            case PacketType.Pingresp:
                PacketDecoder.ReadPingresp(framer.BodyLength);
                break;
            default:
                log.Append(" id ").Append(PacketDecoder.ReadPacketId(framer.Body, framer.BodyLength, "packet"));
                break;
        }
    }
}

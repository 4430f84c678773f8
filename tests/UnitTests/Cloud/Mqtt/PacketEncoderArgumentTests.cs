namespace CellularIot.Tests.Cloud.Mqtt
{
    using System;
    using CellularIot.Cloud.Mqtt;
    using CellularIot.Tests.Cloud.Mqtt.Support;
    using nanoFramework.TestFramework;

    /// <summary>What the encoder refuses before it writes a byte: missing parts, values outside MQTT's ranges, a payload range outside its array.</summary>
    [TestClass]
    public class PacketEncoderArgumentTests
    {
        private static readonly string[] AnyFilter = new string[] { "a/#" };

        [TestMethod]
        public void ConnectRefusesAMissingClientIdAndAKeepAliveOutOfRange()
        {
            byte[] buffer = new byte[64];
            Assert.ThrowsException(typeof(ArgumentNullException), () => PacketEncoder.Connect(buffer, null, null, true, 60));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => PacketEncoder.Connect(buffer, "c", null, true, -1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => PacketEncoder.Connect(buffer, "c", null, true, 65536));
            Assert.ThrowsException(typeof(ArgumentNullException), () => PacketEncoder.Connect(null, "c", null, true, 60));
            Assert.AreEqual(0, (int)buffer[0]);
        }

        [TestMethod]
        public void SubscribeRefusesMissingFiltersAndQos2()
        {
            byte[] buffer = new byte[64];
            Assert.ThrowsException(typeof(ArgumentNullException), () => PacketEncoder.Subscribe(buffer, 1, null, 1));
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => PacketEncoder.Subscribe(buffer, 1, AnyFilter, 2));
            Assert.AreEqual((int)MqttError.QosNotSupported, (int)ex.Error);
            Assert.AreEqual(0, (int)buffer[0]);
        }

        [TestMethod]
        public void PublishRefusesAPayloadRangeOutsideItsArray()
        {
            byte[] buffer = new byte[64];
            byte[] payload = new byte[4];
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => PacketEncoder.Publish(buffer, "t", 1, payload, 0, -1, 0, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => PacketEncoder.Publish(buffer, "t", 1, payload, -1, 1, 0, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => PacketEncoder.Publish(buffer, "t", 1, payload, 2, 3, 0, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => PacketEncoder.Publish(buffer, "t", 1, null, 0, 1, 0, 0));
            Assert.AreEqual(0, (int)buffer[0]);

            // No payload at all is a range too: an empty message.
            Assert.AreEqual(5, PacketEncoder.Publish(buffer, "t", 1, null, 0, 0, 0, 0));
        }

        [TestMethod]
        public void APacketAboveMqttsLargestRemainingLengthIsRefused()
        {
            byte[] buffer = new byte[64];
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => PacketEncoder.Publish(buffer, "t", 268435456, new byte[1], 0, 1, 0, 0));
            Assert.AreEqual((int)MqttError.PacketTooLarge, (int)ex.Error);
            Assert.Contains("remaining length", ex.Message);
            Assert.AreEqual(0, (int)buffer[0]);
        }
    }
}

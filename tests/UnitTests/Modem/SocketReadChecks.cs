namespace CellularIot.Tests.Modem
{
    using CellularIot.Bytes;
    using CellularIot.Modem;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    /// <summary>
    /// How every driver's socket reads: only once the module announces data (with <c>announce</c>, its dialect's URC for
    /// socket 0), and never by polling. Each driver's test class scripts its read command's answers, calls these from a
    /// test of its own, and names its read command.
    /// </summary>
    public static class SocketReadChecks
    {
        /// <summary>An idle socket asks nothing: no read command (<paramref name="readPrefix"/>) while nothing is announced.</summary>
        public static void AnIdleSocketSendsNoCommand(DriverRig rig, string readPrefix)
        {
            ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
            byte[] buffer = new byte[16];
            Assert.AreEqual(0, socket.Receive(buffer, 0, 16, 250));
            Assert.AreEqual(0, socket.Receive(buffer, 0, 16, 250));
            Assert.AreEqual(0, rig.Link.CountStartingWith(readPrefix));
            Assert.IsFalse(socket.IsClosed);
        }

        /// <summary>
        /// A read waits for the announcement, then reads once with <paramref name="readCommand"/> (asking for 16), which
        /// the caller has scripted to answer "data".
        /// </summary>
        public static void ReadsOnlyOnceTheModemAnnouncesData(DriverRig rig, string readCommand, string announce)
        {
            var clock = new RealClock();
            ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
            rig.Link.InjectLater(announce, 150);
            byte[] buffer = new byte[16];
            long started = clock.MonotonicMs;
            Assert.AreEqual(4, socket.Receive(buffer, 0, 16, 3000));

            // The announcement ended the wait, not the time-out.
            Assert.IsTrue(clock.MonotonicMs - started < 2000);
            Assert.AreEqual("data", Utf8.Decode(buffer, 0, 4));
            Assert.AreEqual(1, rig.Link.Count(readCommand));
        }

        /// <summary>
        /// A read that filled its request (<paramref name="readCommand"/>, asking for 4) is followed by another without an
        /// announcement; the caller has scripted the two answers "abcd" and "ef".
        /// </summary>
        public static void ReadsAgainUnannouncedAfterAReadThatFilledTheRequest(DriverRig rig, string readCommand, string announce)
        {
            ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
            rig.Link.Inject(announce);
            byte[] buffer = new byte[4];
            Assert.AreEqual(4, socket.Receive(buffer, 0, 4, 1000));

            // The module announces nothing more until its buffer was read empty: what the full read left is read at once.
            Assert.AreEqual(2, socket.Receive(buffer, 0, 4, 1000));
            Assert.AreEqual("ef", Utf8.Decode(buffer, 0, 2));

            // The second read came back short, so it emptied the buffer: a third read waits for the next announcement.
            Assert.AreEqual(0, socket.Receive(buffer, 0, 4, 200));
            Assert.AreEqual(2, rig.Link.Count(readCommand));
        }
    }
}

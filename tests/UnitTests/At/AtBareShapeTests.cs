namespace CellularIot.Tests.At
{
    using System;
    using CellularIot.At;
    using CellularIot.Bytes;
    using nanoFramework.TestFramework;

    [TestClass]
    public class AtBareShapeTests
    {
        [TestMethod]
        public void DigitsTakeOnlyDigitsOfTheRightLength()
        {
            AtBareShape iccid = AtBareShape.Digits(19, 20);
            Assert.IsTrue(Matches(iccid, "89882280666012345678"));
            Assert.IsTrue(Matches(iccid, "8988228066601234567"));
            Assert.IsFalse(Matches(iccid, "898822806660123456"), "too short");
            Assert.IsFalse(Matches(iccid, "898822806660123456789"), "too long");
            Assert.IsFalse(Matches(iccid, "8988228066601234567F"), "a letter");
            Assert.IsFalse(Matches(iccid, "DST: 1"));
        }

        [TestMethod]
        public void ATokenMayFollowItsLabelAndNeedsADigit()
        {
            AtBareShape revision = AtBareShape.Token("Revision:", 4, 32);
            Assert.IsTrue(Matches(revision, "Revision:1951B17SIM7080"));
            Assert.IsTrue(Matches(revision, "Revision: 1951B17SIM7080"), "spaces after the label");
            Assert.IsTrue(Matches(revision, "BG95M3LAR02A03_01.200.01"), "no label, letters, digits, . and _");
            Assert.IsTrue(Matches(revision, "v1.2-b/3"), "- and /");
            Assert.IsFalse(Matches(revision, "SMS Ready"), "a space");
            Assert.IsFalse(Matches(revision, "RDY"), "too short");
            Assert.IsFalse(Matches(revision, "NODIGITS"), "no digit");
            Assert.IsFalse(Matches(revision, "*PSUTTZ:26"), "a star and a colon");
            Assert.IsFalse(Matches(revision, "Revision:"), "the label alone");
        }

        [TestMethod]
        public void RefusesLengthsNoTokenCanHave()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => AtBareShape.Digits(0, 5));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => AtBareShape.Token("x", 5, 4));
        }

        private static bool Matches(AtBareShape shape, string text)
        {
            byte[] line = Utf8.GetBytes(text);
            return shape.Matches(line, line.Length);
        }
    }
}

namespace CellularIot.Cloud.Mqtt
{
    using System;

    /// <summary>The broker's answer to one SUBSCRIBE: a return code per filter, in the order they were sent.</summary>
    public class SubscribeResult
    {
        private readonly SubscribeReturnCode[] codes;

        /// <summary>Creates the result from the SUBACK's codes.</summary>
        public SubscribeResult(int packetId, SubscribeReturnCode[] codes)
        {
            if (codes == null)
            {
                throw new ArgumentNullException(nameof(codes));
            }

            PacketId = packetId;
            this.codes = codes;
        }

        /// <summary>The SUBSCRIBE's packet identifier.</summary>
        public int PacketId { get; }

        /// <summary>Number of filters answered.</summary>
        public int Count
        {
            get { return codes.Length; }
        }

        /// <summary>True when no filter was refused.</summary>
        public bool AllGranted
        {
            get { return FailureCount == 0; }
        }

        /// <summary>Number of filters the broker refused (code 0x80).</summary>
        public int FailureCount
        {
            get
            {
                int failed = 0;
                for (int i = 0; i < codes.Length; i++)
                {
                    if (codes[i] == SubscribeReturnCode.Failure)
                    {
                        failed++;
                    }
                }

                return failed;
            }
        }

        /// <summary>The code for the filter at <paramref name="index"/>.</summary>
        public SubscribeReturnCode GetCode(int index)
        {
            return codes[index];
        }
    }
}

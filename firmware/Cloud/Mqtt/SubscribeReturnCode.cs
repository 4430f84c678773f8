namespace CellularIot.Cloud.Mqtt
{
    /// <summary>One SUBACK return code (MQTT 3.1.1 section 3.9.3).</summary>
    public enum SubscribeReturnCode
    {
        /// <summary>Subscribed at QoS 0.</summary>
        GrantedQos0 = 0,

        /// <summary>Subscribed at QoS 1.</summary>
        GrantedQos1 = 1,

        /// <summary>Subscribed at QoS 2 (a broker may grant it only when asked; this client never asks).</summary>
        GrantedQos2 = 2,

        /// <summary>0x80: the broker refused this filter.</summary>
        Failure = 0x80,
    }
}

namespace CellularIot.Modem
{
    using System;
    using CellularIot.At;

    /// <summary>
    /// The one data (PDP) context the sockets use, as every driver handles it: defined with the APN (on the bring-up's
    /// settings line), brought up unless a module that may have kept it up shows it active, read back by a query that
    /// lists each context with its state and address, and taken down with the query saying for sure. A context that
    /// goes down detaches every socket. The module's own commands and its report of the context are the subclass's.
    /// </summary>
    internal abstract class DataContext : IDisposable
    {
        private readonly AtChannel channel;
        private readonly string urc;
        private readonly string definition;
        private readonly string definitionEnd;
        private readonly string query;
        private readonly string queryPrefix;
        private readonly int context;
        private readonly int addressField;
        private string definedApn;

        /// <summary>
        /// The context <paramref name="context"/>: defined by <paramref name="definition"/>, the quoted APN and
        /// <paramref name="definitionEnd"/>; listed by <paramref name="query"/> in lines of <paramref name="queryPrefix"/>
        /// with the context id, its state (1 = active) and the address in field <paramref name="addressField"/>;
        /// reported by the URC <paramref name="urc"/>, which the subclass registers.
        /// </summary>
        protected DataContext(AtChannel channel, ModemCommands commands, ModemSocketTable sockets, string urc, string definition, string definitionEnd, string query, string queryPrefix, int context, int addressField)
        {
            this.channel = channel;
            Commands = commands;
            Sockets = sockets;
            this.urc = urc;
            this.definition = definition;
            this.definitionEnd = definitionEnd;
            this.query = query;
            this.queryPrefix = queryPrefix;
            this.context = context;
            this.addressField = addressField;
        }

        /// <summary>The commands the context is driven with.</summary>
        protected ModemCommands Commands { get; private set; }

        /// <summary>The sockets a context that went down detaches.</summary>
        protected ModemSocketTable Sockets { get; private set; }

        /// <summary>
        /// Brings the context up on <paramref name="apn"/> and returns its IP address, or an empty string when the module
        /// said it is up without one (see <see cref="BringUp"/>). With <paramref name="askFirst"/> (a module that may have
        /// kept it from before this bring-up) a context that is up already is found and kept; a module that just booted
        /// has none, and asking would only cost a command.
        /// </summary>
        /// <exception cref="ArgumentException">An APN an AT command cannot carry.</exception>
        /// <exception cref="ModemException">The context was refused or did not come up in time.</exception>
        public string Activate(string apn, bool askFirst)
        {
            AtText.CheckCommandText(apn);
            string address = askFirst ? QueryAddress() : null;
            if (address != null)
            {
                return address;
            }

            if (apn != definedApn)
            {
                Define(apn, "AT");
            }

            return BringUp(apn);
        }

        /// <summary>Takes the context down and detaches the sockets.</summary>
        /// <exception cref="ModemException">The context is still up.</exception>
        public void Deactivate()
        {
            AtCommand command = TakeDown();

            // An ERROR usually means the context was already down; the query says for sure.
            if (QueryAddress() != null)
            {
                throw ModemCommands.Failure(command);
            }

            Sockets.DetachAll("data context down");
        }

        /// <summary>
        /// Defines the context with <paramref name="apn"/> on a command line that starts with <paramref name="line"/>
        /// ("AT", or "AT" and settings to share the line, each followed by a semicolon).
        /// </summary>
        public void Define(string apn, string line)
        {
            Commands.Ok(Commands.Command(ModemCommands.LongCommand).Begin(line).Append(definition).AppendQuoted(apn).Append(definitionEnd));
            definedApn = apn;
        }

        /// <summary>Stops listening to the module's report of the context.</summary>
        public void Dispose()
        {
            channel.Unregister(urc);
        }

        /// <summary>Brings the defined context up on <paramref name="apn"/>: its address, or an empty string when the module said it is up without one.</summary>
        protected abstract string BringUp(string apn);

        /// <summary>Asks the module to take the context down and waits for it; the command, for the error when it stays up.</summary>
        protected abstract AtCommand TakeDown();

        /// <summary>The context's address when the module lists it active, otherwise null.</summary>
        protected string QueryAddress()
        {
            AtResponse response = Commands.Ok(Commands.Command(query).Expect(queryPrefix, addressField));
            for (int i = 0; i < response.LineCount; i++)
            {
                int id;
                int state;
                if (response.TryGetInt(i, 0, out id) && id == context && response.TryGetInt(i, 1, out state) && state == 1)
                {
                    string address = response.GetField(i, addressField);
                    if (address != null && address.Length > 0 && address != "0.0.0.0")
                    {
                        return address;
                    }
                }
            }

            return null;
        }
    }
}

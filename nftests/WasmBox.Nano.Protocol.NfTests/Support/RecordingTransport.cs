using System.Collections;
using WasmBox.Nano.Cbor;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Protocol.NfTests
{
    /// <summary>One message the device published.</summary>
    public sealed class Published
    {
        public string Topic;
        public string Text;
        public bool Retained;
    }

    /// <summary>A connected transport that keeps what the device publishes and hands messages to the subscribed handler.</summary>
    public sealed class RecordingTransport : IMessageTransport
    {
        // Topic, handler, topic, handler... (mscorlib has no Hashtable on the device).
        private readonly ArrayList _handlers = new ArrayList();
        private readonly ArrayList _published = new ArrayList();

        public bool IsConnected { get { return true; } }

        public bool Publish(string topic, byte[] payload, int qos, bool retain)
        {
            Published p = new Published();
            p.Topic = topic;
            p.Text = Utf8.Decode(payload, 0, payload.Length);
            p.Retained = retain;
            _published.Add(p);
            return true;
        }

        public void Subscribe(string topicFilter, int qos, IMessageHandler handler)
        {
            Unsubscribe(topicFilter);
            _handlers.Add(topicFilter);
            _handlers.Add(handler);
        }

        public void Unsubscribe(string topicFilter)
        {
            int at = _handlers.IndexOf(topicFilter);
            if (at >= 0)
            {
                _handlers.RemoveAt(at);
                _handlers.RemoveAt(at);
            }
        }

        public bool IsSubscribed(string topic)
        {
            return _handlers.IndexOf(topic) >= 0;
        }

        /// <summary>Delivers a message as the broker would to the handler subscribed to exactly that topic.</summary>
        public void Deliver(string topic, byte[] payload)
        {
            ((IMessageHandler)_handlers[_handlers.IndexOf(topic) + 1]).OnMessage(topic, payload);
        }

        /// <summary>The last message published on <paramref name="topic"/>, or null.</summary>
        public Published Last(string topic)
        {
            for (int i = _published.Count - 1; i >= 0; i--)
            {
                Published p = (Published)_published[i];
                if (p.Topic == topic)
                {
                    return p;
                }
            }
            return null;
        }

        /// <summary>How many messages went out on <paramref name="topic"/>.</summary>
        public int Count(string topic)
        {
            int n = 0;
            for (int i = 0; i < _published.Count; i++)
            {
                n += ((Published)_published[i]).Topic == topic ? 1 : 0;
            }
            return n;
        }
    }
}

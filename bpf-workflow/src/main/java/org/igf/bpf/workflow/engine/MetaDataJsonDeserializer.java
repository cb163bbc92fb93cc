package org.igf.bpf.workflow.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import org.axonframework.messaging.MetaData;

import java.io.IOException;
import java.util.Map;

/**
 * Reads a message's metadata as Axon's own deserialiser does (a JSON object of string keys and plain
 * values), but looks up the deserialiser of that map once instead of for every message. Axon's looks it
 * up through the context on each call, which builds the map's key deserialiser and introspects its
 * class anew: in a replay of the event store that lookup cost more than reading the metadata itself.
 */
final class MetaDataJsonDeserializer extends StdDeserializer<MetaData> {

    private volatile JsonDeserializer<Object> map;

    MetaDataJsonDeserializer() {
        super(MetaData.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public MetaData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        Map<String, Object> values = (Map<String, Object>) mapDeserializer(context).deserialize(parser, context);
        return values == null ? MetaData.emptyInstance() : MetaData.from(values);
    }

    private JsonDeserializer<Object> mapDeserializer(DeserializationContext context) throws IOException {
        JsonDeserializer<Object> found = map;
        if (found == null) {
            // contextualised deserialisers are immutable and shareable: looking it up twice at once is harmless
            found = context.findRootValueDeserializer(context.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
            map = found;
        }
        return found;
    }
}

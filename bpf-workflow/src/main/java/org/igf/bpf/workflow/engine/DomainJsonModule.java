package org.igf.bpf.workflow.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.igf.bpf.core.forum.ForumId;

import java.io.IOException;

/**
 * JSON form of the core's value objects, shared by the stored events and the API: a forum id is a
 * plain string. (The core stays free of Jackson annotations.)
 */
public class DomainJsonModule extends SimpleModule {

    public DomainJsonModule() {
        super("bpf-domain");
        addSerializer(ForumId.class, new JsonSerializer<>() {
            @Override
            public void serialize(ForumId id, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(id.value());
            }
        });
        addDeserializer(ForumId.class, new JsonDeserializer<>() {
            @Override
            public ForumId deserialize(JsonParser json, DeserializationContext context) throws IOException {
                return new ForumId(json.getValueAsString());
            }
        });
    }
}

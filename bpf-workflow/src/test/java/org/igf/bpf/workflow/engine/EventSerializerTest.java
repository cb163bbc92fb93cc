package org.igf.bpf.workflow.engine;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventSerializerTest {

    private final Serializer serializer = AxonConfiguration.jsonSerializer();

    @Test
    void metadataReadsBackAsWritten() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("actor", "coordinator");
        values.put("actorRole", "COORDINATOR");
        values.put("requestId", "fd33210d-c756-462d-bbf0-bab68b14fff7");
        values.put("attempt", 2);
        values.put("tags", List.of("a", "b"));
        values.put("nested", Map.of("k", "v"));
        MetaData metaData = MetaData.from(values);

        SerializedObject<byte[]> stored = serializer.serialize(metaData, byte[].class);
        MetaData read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(metaData);
        MetaData empty = serializer.deserialize(serializer.serialize(MetaData.emptyInstance(), byte[].class));
        assertThat(empty).isEmpty();
    }

    @Test
    void metadataIsReadByTheDeserializerThatLooksItsMapUpOnce() throws Exception {
        var mapper = ((JacksonSerializer) serializer).getObjectMapper();
        var context = mapper.getDeserializationContext();
        assertThat(mapper.readerFor(MetaData.class).readValue("{\"actor\":\"secretariat\"}", MetaData.class))
                .isEqualTo(MetaData.with("actor", "secretariat"));
        var deserializer = ((com.fasterxml.jackson.databind.deser.DefaultDeserializationContext) context)
                .createInstance(mapper.getDeserializationConfig(), null, null)
                .findRootValueDeserializer(mapper.constructType(MetaData.class));
        assertThat(deserializer).isInstanceOf(MetaDataJsonDeserializer.class);
    }
}

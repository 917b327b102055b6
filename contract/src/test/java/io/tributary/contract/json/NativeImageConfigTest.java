package io.tributary.contract.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The contract's records are bound by Jackson through reflection, which a native executable allows only for the
 * classes listed in the jar's {@code reflect-config.json}: every listed class must exist, and every contract type a
 * listed record holds (also inside lists and maps) must be listed too.
 */
class NativeImageConfigTest {
    private static final String CONFIG = "/META-INF/native-image/io.tributary/contract/reflect-config.json";

    @Test
    void everyContractTypeReachableFromAListedRecordIsListed() throws Exception {
        Set<String> listed = listed();
        Set<String> missing = new TreeSet<>();
        for (String name : listed) {
            Class<?> type = Class.forName(name);
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    for (Class<?> held : classesIn(component.getGenericType())) {
                        if (held.getName().startsWith("io.tributary.contract.") && !listed.contains(held.getName())) {
                            missing.add(held.getName() + " (in " + name + ")");
                        }
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "not in " + CONFIG + ": " + missing);
    }

    private static Set<String> listed() throws IOException {
        try (InputStream in = NativeImageConfigTest.class.getResourceAsStream(CONFIG)) {
            Set<String> names = new TreeSet<>();
            for (JsonNode entry : Json.MAPPER.readTree(in)) {
                names.add(entry.get("name").asText());
            }
            return names;
        }
    }

    private static List<Class<?>> classesIn(Type type) {
        List<Class<?>> classes = new ArrayList<>();
        if (type instanceof Class<?> plain) {
            classes.add(plain);
        } else if (type instanceof ParameterizedType generic) {
            classes.addAll(classesIn(generic.getRawType()));
            for (Type argument : generic.getActualTypeArguments()) {
                classes.addAll(classesIn(argument));
            }
        }
        return classes;
    }
}

package io.tributary.orchestrator.lifecycle;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a named state under Prefect's spelling ({@code TimedOut}), the same text the API and Kafka carry. */
@Converter
public class StateNameConverter implements AttributeConverter<StateName, String> {
    @Override
    public String convertToDatabaseColumn(StateName name) {
        return name == null ? null : name.label();
    }

    @Override
    public StateName convertToEntityAttribute(String label) {
        return label == null ? null : StateName.ofLabel(label);
    }
}

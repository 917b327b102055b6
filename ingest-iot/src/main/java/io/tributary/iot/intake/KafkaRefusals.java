package io.tributary.iot.intake;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/** Kafka refusing a record for what it is (too large, invalid): sending it again can never succeed. */
final class KafkaRefusals {
    private KafkaRefusals() {}

    static boolean isRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException
                    || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException) {
                return true;
            }
        }
        return false;
    }
}

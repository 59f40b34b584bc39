package ci.milie.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Boolean and integer parameters are read strictly: {@code true} or {@code false}, and decimal
 * digits with an optional minus sign, else a 400 naming the parameter ({@code includeInactive=maybe},
 * {@code limit=1.5}). JAX-RS would otherwise read any word but "true" as false, and answer 404 to
 * a number it cannot parse.
 */
@Provider
public class StrictParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) new Converter<>(name(annotations), "field.boolean", raw -> switch (raw) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> null;
            });
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Converter<>(name(annotations), "field.integer", raw -> {
                if (!raw.matches("-?[0-9]{1,10}")) {
                    return null;
                }
                long value = Long.parseLong(raw);
                return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? null : (int) value;
            });
        }
        return null;
    }

    /** The parameter as the problem names it: {@code limit}, {@code header.X-Foo}. */
    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return "header." + header.value();
            }
        }
        return "parameter";
    }

    private record Converter<T>(String name, String message, java.util.function.Function<String, T> parse)
            implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            T parsed = value == null ? null : parse.apply(value.strip());
            if (parsed == null) {
                throw ProblemException.invalid(name, message);
            }
            return parsed;
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }
}

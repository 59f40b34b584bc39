package ci.milie.common;

import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.inject.Singleton;

import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * Hibernate Validator words its messages in the language the rest of the problem is in
 * ({@link Languages}): Quarkus's own resolver reads {@code Accept-Language} differently ({@code en-GB}
 * read French). Quarkus asks its resolvers in turn, the highest priority first.
 */
@Singleton
@Priority(100)
public class ValidationLocale implements LocaleResolver {

    @Override
    public Locale resolve(LocaleResolverContext context) {
        return Locale.forLanguageTag(Languages.ofCurrentRequest(false));
    }
}

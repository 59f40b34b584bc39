package ci.milie.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Endpoints that {@link BearerTokenFilter} leaves alone: sign-in, refresh and logout, where a
 * client may still attach the expired or ended token it comes to replace.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface IgnoresBearerToken {
}

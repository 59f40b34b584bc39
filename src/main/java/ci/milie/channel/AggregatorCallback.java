package ci.milie.channel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * An endpoint that an SMS/USSD aggregator calls: {@link AggregatorAuthentication} lets through only
 * a configured aggregator's secret, from its addresses when it has a list. Whatever such a call
 * says of the caller (the operator's MSISDN) is trusted because of this check, and only then.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface AggregatorCallback {
}

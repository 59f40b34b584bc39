package ci.milie.integration.open311;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What GeoReport v2's discovery says of this deployment. */
@ConfigMapping(prefix = "milie.open311")
interface Open311Config {

    /** The one jurisdiction Miliê serves: a jurisdiction_id sent must be this one (any case). */
    @WithDefault("milie.ci")
    String jurisdictionId();

    /** Who to contact about the API (discovery's contact). */
    @WithDefault("OSEP, intégrations Miliê : integrations@milie.ci")
    String contact();

    /** How to get an api_key (discovery's key_service). */
    @WithDefault("Ask OSEP for an integration client with the submit permission: integrations@milie.ci")
    String keyService();

    /** production or test (discovery's endpoint type). */
    @WithDefault("production")
    String endpointType();
}

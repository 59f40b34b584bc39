/**
 * The Miliê API. This package's annotation is what the contract says about itself, for the teams
 * that generate clients from it: the product and the conventions every operation follows
 * ({@link ci.milie.common.ApiContract}), the servers, one tag per business area. SmallRye OpenAPI
 * reads {@code @OpenAPIDefinition} only on a JAX-RS Application class or a package-info, and an
 * Application class would take part in routing.
 *
 * <p>The contract document is licensed CC BY 4.0 (the API itself is not): partner front-ends and
 * app teams copy it, generate clients from it and publish those, which a licence for the document
 * has to allow without asking.
 */
@OpenAPIDefinition(
        info = @Info(
                title = "Miliê API",
                version = "1.0.0",
                description = ci.milie.common.ApiContract.DESCRIPTION,
                contact = @Contact(name = "OSEP — Miliê platform team", url = "https://milie.ci"),
                license = @License(name = "CC BY 4.0 (this contract document)",
                        url = "https://creativecommons.org/licenses/by/4.0/")),
        // The contract is served by the API itself (/q/openapi): "/" is whichever instance serves it.
        servers = {
                @Server(url = "/", description = "The instance serving this contract (dev mode, staging, production)"),
                @Server(url = "https://api.milie.ci", description = "Production") },
        externalDocs = @ExternalDocumentation(
                description = "README: running the API, a complaint's life in curl commands, the front-end routes "
                        + "messages link to (and why the access key rides in the fragment), errors, languages, "
                        + "deadlines, statistics (relative to openapi/openapi.yaml in the repository)",
                url = "../README.md"),
        tags = {
                @Tag(name = "Authentication", description = "Signing in: staff with e-mail and password, citizens "
                        + "with a one-time code sent by e-mail or SMS; refreshing and ending sign-ins; the signed-in "
                        + "user's profile; integration clients' tokens (client credentials)."),
                @Tag(name = "Requests", description = "A citizen's complaint, suggestion or observation once "
                        + "submitted: reading it, its timeline, and the moves of its lifecycle (qualification, "
                        + "routing, acknowledgement, messages, notes, handback, closure)."),
                @Tag(name = "Tracking", description = "Following a request with its tracking code, and with its "
                        + "access key for the thread and the answer, without an account."),
                @Tag(name = "Work queues", description = "Staff lists of the requests they handle, filtered and "
                        + "sorted, one page at a time."),
                @Tag(name = "Answers", description = "The administration's answer to a request: drafting, "
                        + "submitting, OSEP's review, reading."),
                @Tag(name = "Attachments", description = "Photos and scans (JPEG, PNG, PDF) joined to a request by "
                        + "the citizen or staff: upload, list, download."),
                @Tag(name = "Feedback", description = "The citizen's rating of an answer, or a dispute that reopens "
                        + "the request."),
                @Tag(name = "Directory", description = "The administrations that answer requests and the categories "
                        + "requests are filed under, with the administration each category routes to by default."),
                @Tag(name = "SLA", description = "Deadlines: the allowances of each stage per request type and "
                        + "category, and the public holidays no deadline clock runs on."),
                @Tag(name = "Staff", description = "Staff accounts (OSEP, administrations' agents, operators, "
                        + "supervisors, system administrators): sysadmin only."),
                @Tag(name = "Integration clients", description = "The systems of OSEP and of the administrations, "
                        + "calling as themselves with OAuth 2.0 client credentials: their registration, permissions, "
                        + "source addresses and secrets; sysadmin only."),
                @Tag(name = "Statistics", description = "Figures for supervisors, OSEP and administrations (JSON "
                        + "or CSV), and the open data anyone may read."),
                @Tag(name = "Privacy", description = "Personal data: a copy of what is held and its erasure, for "
                        + "citizens, holders of an access key and callers served by phone; the record of those acts."),
                @Tag(name = "Push notifications", description = "The app's devices (FCM registration tokens) that "
                        + "receive a push when a request changes: for a citizen's account or for the holder of one "
                        + "request's access key."),
                @Tag(name = "Channels", description = "Feature phones: the callbacks of the SMS and USSD aggregators "
                        + "(docs/CHANNELS.md)."),
                @Tag(name = "Webhooks", description = "An integration client's subscriptions to request events: "
                        + "signed POSTs to its HTTPS endpoint, their delivery log and replays (docs/INTEGRATIONS.md).") })
package ci.milie;

import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

package ci.milie.contract;

import java.net.URI;

import ci.milie.client.ApiClient;
import ci.milie.client.api.AnswersApi;
import ci.milie.client.api.AuthenticationApi;
import ci.milie.client.api.DirectoryApi;
import ci.milie.client.api.FeedbackApi;
import ci.milie.client.api.RequestsApi;
import ci.milie.client.api.StaffApi;
import ci.milie.client.api.TrackingApi;

/**
 * One user of the API as a client team's code is: the generated client alone, configured with the
 * application's base URL and, once signed in, the bearer token. A key holder passes the access key
 * through the operations' own X-Access-Key parameter.
 */
record Caller(ApiClient client, String accessKey) {

    static Caller anonymous(URI base) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        return new Caller(client, null);
    }

    /** The same application, signed in: the native client has no auth scheme, its interceptor sets the header. */
    static Caller signedIn(URI base, String accessToken) {
        Caller caller = anonymous(base);
        caller.client().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
        return caller;
    }

    static Caller keyHolder(URI base, String accessKey) {
        return new Caller(anonymous(base).client(), accessKey);
    }

    AuthenticationApi authentication() {
        return new AuthenticationApi(client);
    }

    RequestsApi requests() {
        return new RequestsApi(client);
    }

    AnswersApi answers() {
        return new AnswersApi(client);
    }

    FeedbackApi feedback() {
        return new FeedbackApi(client);
    }

    TrackingApi tracking() {
        return new TrackingApi(client);
    }

    StaffApi staff() {
        return new StaffApi(client);
    }

    DirectoryApi directory() {
        return new DirectoryApi(client);
    }
}

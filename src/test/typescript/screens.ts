// What the Milie.ci app's screens read, proven at the type level on the types openapi-typescript
// generates from openapi/openapi.yaml: each field is required (no `?`) and, where the API always
// sends a value, not nullable. A field that became optional or nullable in the contract fails
// `tsc --strict` here, before a front-end team papers over it with `!`, `?.` or a cast.
import type { components } from "./schema";

type Schemas = components["schemas"];

/** Per key K of T (distributed over a union of keys): true when K is required, `{}` lacking it. */
type IsRequired<T, K extends keyof T> = K extends K ? ({} extends Pick<T, K> ? false : true) : never;
/** Per key K of T: true when K admits no null. */
type IsNonNull<T, K extends keyof T> = K extends K ? (null extends T[K] ? false : true) : never;

/** Every key K is required and never null (`true`; `false` or `boolean` when one of them is not). */
type Present<T, K extends keyof T> = IsRequired<T, K> | IsNonNull<T, K>;
/** Every key K is required but may be null: the API says when in the schema's description. */
type RequiredNullable<T, K extends keyof T> = IsRequired<T, K> | (K extends K ? (null extends T[K] ? true : false) : never);

/** Compiles only with a verdict of exactly `true`: `expect<Present<T, "a" | "b">>(true)`. */
function expect<Verdict extends true>(verdict: Verdict): Verdict {
  return verdict;
}

// The receipt after submitting: the tracking screen and the saved key.
expect<Present<Schemas["SubmissionReceipt"], "id" | "trackingCode" | "status" | "submittedAt" | "dueAt" | "trackingUrl">>(true);
// accessKey is null only on the replay of a submission whose stored key cannot be read back.
expect<RequiredNullable<Schemas["SubmissionReceipt"], "accessKey">>(true);

// The tracking screen: code, status, dates, category labels, timeline.
expect<Present<Schemas["TrackingView"], "trackingCode" | "type" | "category" | "status" | "submittedAt" | "updatedAt" | "timeline">>(true);
expect<Present<Schemas["CategoryRef"], "id" | "code" | "labelFr" | "labelEn">>(true);
// id and answers are null on the view without the key; required all the same, so a screen must decide.
expect<RequiredNullable<Schemas["TrackingView"], "id" | "answers" | "dueAt" | "administrationName">>(true);
expect<Present<Schemas["EventView"], "id" | "type" | "occurredAt" | "visibility" | "actorRole">>(true);
expect<Present<Schemas["AnswerSummary"], "id" | "status" | "text" | "submittedAt">>(true);

// The request screen: what the caller may do next, the answers, the dates.
expect<Present<Schemas["RequestView"],
  "id" | "trackingCode" | "type" | "category" | "channel" | "subject" | "description" | "status" | "location"
  | "submittedAt" | "updatedAt" | "deadline" | "answers" | "allowedActions" | "version">>(true);
expect<RequiredNullable<Schemas["RequestView"], "administration" | "dueAt" | "answeredAt" | "closedAt" | "reopenUntil">>(true);
expect<Present<Schemas["AdministrationRef"], "id" | "code" | "name">>(true);

// The "my requests" list ("12 requests"), the work queue, and their paging.
expect<Present<Schemas["MyRequestPage"], "items" | "total">>(true);
expect<RequiredNullable<Schemas["MyRequestPage"], "nextCursor">>(true);
expect<Present<Schemas["RequestPage"], "items">>(true);
expect<RequiredNullable<Schemas["RequestPage"], "nextCursor">>(true);
expect<Present<Schemas["RequestSummary"],
  "id" | "trackingCode" | "type" | "categoryCode" | "categoryLabelFr" | "categoryLabelEn" | "subject" | "status"
  | "submittedAt" | "overdue">>(true);
// Null until the request is routed.
expect<RequiredNullable<Schemas["RequestSummary"], "administrationName">>(true);

// The buttons a citizen's screen shows: rate, and dispute until when.
expect<Present<Schemas["RequestView"], "canRate">>(true);
expect<Present<Schemas["TrackingView"], "canRate">>(true);
expect<RequiredNullable<Schemas["TrackingView"], "reopenUntil">>(true);
// A timeline row's label, in the reader's language.
expect<Present<Schemas["EventView"], "label">>(true);

// Labels in both languages for every code a screen shows.
expect<Present<Schemas["ReferenceData"], "regions" | "requestTypes" | "channels" | "statuses" | "eventTypes" | "rejectionReasons">>(true);
expect<Present<Schemas["ReferenceItem"], "code" | "labelFr" | "labelEn">>(true);

// Signing in.
expect<Present<Schemas["Tokens"], "accessToken" | "refreshToken" | "expiresIn">>(true);
expect<Present<Schemas["Me"], "id" | "kind" | "roles">>(true);

// The helpers do reject what they must: an optional field, a nullable field, a required nullable one.
type Sample = { required: string; optional?: string; nullable: string | null };
// @ts-expect-error an optional field is not present
expect<Present<Sample, "optional">>(true);
// @ts-expect-error a nullable field is not present
expect<Present<Sample, "nullable">>(true);
// @ts-expect-error one optional field among required ones fails the whole set
expect<Present<Sample, "required" | "optional">>(true);
// @ts-expect-error a non-nullable field is not "required but nullable"
expect<RequiredNullable<Sample, "required">>(true);
// @ts-expect-error an optional nullable field is not required
expect<RequiredNullable<{ maybe?: string | null }, "maybe">>(true);
expect<Present<Sample, "required">>(true);

// The citizen's journey as a front-end writes it with openapi-fetch on the generated types: every
// call, parameter and body is typed from openapi/openapi.yaml, and the fields a screen shows are
// read as they are typed, with no `!`, `?.` or cast. Only type-checked (tsc --noEmit), not run:
// GeneratedClientJourneysTest drives the same journey against the application.
import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

type Schemas = components["schemas"];

/** What a screen shows; the journey fills one per step. */
interface TrackingScreen {
  trackingCode: string;
  status: Schemas["RequestStatus"];
  statusLabel: string;
  category: string;
  submittedAt: string;
  updatedAt: string;
  steps: { type: Schemas["EventType"]; label: string; at: string }[];
  answers: { text: string; deliveredAt: string | null }[];
}

class ApiProblem extends Error {
  constructor(readonly problem: Schemas["Problem"] | undefined, readonly status: number) {
    super(`API problem ${status}`);
  }
}

function labelOf(items: Schemas["ReferenceItem"][], code: string, language: "fr" | "en"): string {
  const item = items.find((candidate) => candidate.code === code);
  if (item === undefined) {
    return code;
  }
  return language === "fr" ? item.labelFr : item.labelEn;
}

export async function citizenJourney(baseUrl: string, email: string, readCode: () => Promise<string>): Promise<TrackingScreen> {
  const api = createClient<paths>({ baseUrl });

  // Labels for the screens, in the citizen's language.
  const reference = await api.GET("/api/v1/reference");
  if (reference.data === undefined) {
    throw new ApiProblem(reference.error, reference.response.status);
  }
  const labels = reference.data;

  // Filed without an account; the Idempotency-Key makes a retry on a flaky network safe.
  const command: Schemas["SubmitRequestCommand"] = {
    type: "COMPLAINT",
    categoryCode: "ETAT-CIVIL",
    channel: "MOBILE",
    subject: "Extrait de naissance introuvable",
    description: "Demandé il y a 3 mois à la mairie de Yopougon, toujours rien.",
    location: { region: "ABIDJAN", locality: "Yopougon" },
    contact: { fullName: "Awa Traoré", email, preferredLanguage: "fr" },
    anonymous: false,
  };
  const submitted = await api.POST("/api/v1/requests", {
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
    body: command,
  });
  if (submitted.data === undefined) {
    throw new ApiProblem(submitted.error, submitted.response.status);
  }
  const receipt: Schemas["SubmissionReceipt"] = submitted.data;
  const trackingCode: string = receipt.trackingCode;
  if (receipt.accessKey === null) {
    // Only a replayed submission whose stored key cannot be read back: the receipt e-mail has the link.
    throw new Error("the access key is in the receipt e-mail");
  }
  const accessKey: string = receipt.accessKey;
  const requestId: Schemas["UUID"] = receipt.id;
  const triageDueAt: string = receipt.dueAt;

  // Tracking with the key: the keyed view carries the id and the answers.
  const tracked = await api.GET("/api/v1/tracking/{trackingCode}", {
    params: { path: { trackingCode }, header: { "X-Access-Key": accessKey } },
  });
  if (tracked.data === undefined) {
    throw new ApiProblem(tracked.error, tracked.response.status);
  }

  // Signing in with a one-time code.
  const sent = await api.POST("/api/v1/auth/otp", { body: { email } });
  if (sent.data === undefined) {
    throw new ApiProblem(sent.error, sent.response.status);
  }
  const codeLifetime: number = sent.data.expiresIn;
  const verified = await api.POST("/api/v1/auth/otp/verify", { body: { email, code: await readCode() } });
  if (verified.data === undefined) {
    throw new ApiProblem(verified.error, verified.response.status);
  }
  const bearer = { Authorization: `Bearer ${verified.data.accessToken}` };

  // The request filed before signing in joins the account with its code and key.
  const claimed = await api.POST("/api/v1/me/requests/claims", {
    body: { trackingCode, accessKey },
    headers: bearer,
  });
  if (claimed.data === undefined) {
    throw new ApiProblem(claimed.error, claimed.response.status);
  }
  const claimedId: string = claimed.data.id;
  const rateable: boolean = claimed.data.canRate;

  // The account's requests, page after page.
  const mine: Schemas["RequestSummary"][] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listMine>> = await listMine(cursor);
    if (page.data === undefined) {
      throw new ApiProblem(page.error, page.response.status);
    }
    mine.push(...page.data.items);
    cursor = page.data.nextCursor;
  } while (cursor !== null);
  function listMine(from: string | null) {
    return api.GET("/api/v1/me/requests", {
      params: { query: from === null ? {} : { cursor: from } },
      headers: bearer,
    });
  }
  const listed: { id: string; code: string; status: string; since: string }[] = mine.map((item) => ({
    id: item.id,
    code: item.trackingCode,
    status: labelOf(labels.statuses, item.status, "fr"),
    since: item.submittedAt,
  }));

  // The request screen offers what allowedActions says; the citizen replies when asked.
  const read = await api.GET("/api/v1/requests/{id}", {
    params: { path: { id: requestId }, header: { "X-Access-Key": accessKey } },
  });
  if (read.data === undefined) {
    throw new ApiProblem(read.error, read.response.status);
  }
  const etag = read.response.headers.get("ETag");
  if (read.data.allowedActions.includes("REPLY")) {
    const replied = await api.POST("/api/v1/requests/{id}/messages", {
      params: {
        path: { id: read.data.id },
        header: etag === null ? { "X-Access-Key": accessKey } : { "X-Access-Key": accessKey, "If-Match": etag },
      },
      body: { text: "C'est le dossier 2026-0412." },
    });
    if (replied.data === undefined) {
      throw new ApiProblem(replied.error, replied.response.status);
    }
    const nowStatus: Schemas["RequestStatus"] = replied.data.status;
    void nowStatus;
  }

  // Rating the delivered answer, when the API allows it.
  const afterReply = await api.GET("/api/v1/requests/{id}", {
    params: { path: { id: requestId }, header: { "X-Access-Key": accessKey } },
  });
  if (afterReply.data === undefined) {
    throw new ApiProblem(afterReply.error, afterReply.response.status);
  }
  const reopenUntil: string | null = afterReply.data.reopenUntil;
  if (afterReply.data.allowedActions.includes("RATE")) {
    const rated = await api.POST("/api/v1/requests/{id}/feedback", {
      params: { path: { id: requestId }, header: { "X-Access-Key": accessKey } },
      body: { rating: 5, satisfied: true, comment: "Merci !" },
    });
    if (rated.data === undefined) {
      throw new ApiProblem(rated.error, rated.response.status);
    }
    const stars: number = rated.data.rating;
    void stars;
  }

  // The tracking screen, built from the keyed view.
  const final = await api.GET("/api/v1/tracking/{trackingCode}", {
    params: { path: { trackingCode }, header: { "X-Access-Key": accessKey } },
  });
  if (final.data === undefined) {
    throw new ApiProblem(final.error, final.response.status);
  }
  const view: Schemas["TrackingView"] = final.data;
  // Without the key the view has no answers (null); with it, a list, possibly empty.
  const answers = view.answers === null ? [] : view.answers;
  void [codeLifetime, listed, reopenUntil, triageDueAt, tracked.data.timeline.length, claimedId, rateable];
  return {
    trackingCode: view.trackingCode,
    status: view.status,
    statusLabel: labelOf(labels.statuses, view.status, "fr"),
    category: view.category.labelFr,
    submittedAt: view.submittedAt,
    updatedAt: view.updatedAt,
    steps: view.timeline.map((event) => ({
      type: event.type,
      label: labelOf(labels.eventTypes, event.type, "fr"),
      at: event.occurredAt,
    })),
    answers: answers.filter((answer) => answer.status === "DELIVERED")
      .map((answer) => ({ text: answer.text, deliveredAt: answer.deliveredAt })),
  };
}

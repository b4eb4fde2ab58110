CREATE TABLE "public"."accounts" (
	"id" bigint NOT NULL,
	"kind" text NOT NULL,
	"email" text NOT NULL,
	"score" integer NOT NULL,
	"since" timestamptz DEFAULT '2000-01-01 00:00:00+00'::timestamptz NOT NULL,
	CONSTRAINT "accounts_pkey" PRIMARY KEY ("id"),
	CONSTRAINT "accounts_email_has_at" CHECK (position('@' in email) > 1),
	CONSTRAINT "accounts_kind_known" CHECK (kind IN ('person', 'company')),
	CONSTRAINT "accounts_score_check" CHECK (score BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE INDEX "accounts_company_email" ON "public"."accounts" USING btree ("email") WHERE kind = 'company' AND email NOT LIKE '%@example.com';

CREATE TABLE "public"."events" (
	"id" bigint NOT NULL,
	"day" date NOT NULL,
	"other_day" date NOT NULL,
	"at" time NOT NULL,
	"other_at" time NOT NULL,
	"local" timestamp NOT NULL,
	"other_local" timestamp NOT NULL,
	"happened" timestamptz NOT NULL,
	"recorded" timestamptz NOT NULL,
	"ended" timestamptz,
	CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

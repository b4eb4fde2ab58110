CREATE EXTENSION "citext" WITH SCHEMA "public" VERSION '1.6';
--> statement-breakpoint
CREATE EXTENSION "pg_trgm" WITH SCHEMA "public";
--> statement-breakpoint
CREATE TABLE "public"."people" (
	"id" bigint NOT NULL,
	"name" text NOT NULL,
	"email" citext NOT NULL,
	CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "people_name_trgm" ON "public"."people" USING gin ("name" gin_trgm_ops);

SET lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "age" SET DATA TYPE bigint;
--> statement-breakpoint
ALTER TABLE "public"."users" ALTER COLUMN "score" TYPE integer USING "score"::integer;

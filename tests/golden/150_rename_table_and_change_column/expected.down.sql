-- shale:down of 0001_after
-- shale:data-loss: changes column "users"."age" from integer to smallint, which may lose or refuse values

ALTER TABLE "public"."people" RENAME TO "users";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME CONSTRAINT "people_pkey" TO "users_pkey";
--> statement-breakpoint
ALTER INDEX "public"."people_age_idx" RENAME TO "users_age_idx";
--> statement-breakpoint
ALTER TABLE "public"."users" ALTER COLUMN "age" SET DATA TYPE smallint USING "age"::smallint;
--> statement-breakpoint
ALTER TABLE "public"."users" ALTER COLUMN "nickname" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."users" ALTER COLUMN "nickname" DROP NOT NULL;

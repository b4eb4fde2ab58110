-- hazard: DELETES_DATA removes value 'usd' from enum "billing"."currency": converting a row that holds one fails
-- hazard: BACKWARD_INCOMPATIBLE code writing 'usd' to enum "billing"."currency" breaks
-- hazard: TABLE_REWRITE rewrites table "billing"."accounts" to convert column "billing"."accounts"."currency" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "billing"."accounts" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "billing"."accounts" to convert column "billing"."accounts"."accepted" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "billing"."accounts" against reads and writes

ALTER TYPE "billing"."currency" RENAME TO "currency__previous";
--> statement-breakpoint
CREATE TYPE "billing"."currency" AS ENUM ('eur');
--> statement-breakpoint
ALTER TABLE "billing"."accounts" ALTER COLUMN "currency" SET DATA TYPE "billing"."currency" USING "currency"::text::"billing"."currency";
--> statement-breakpoint
ALTER TABLE "billing"."accounts" ALTER COLUMN "accepted" SET DATA TYPE "billing"."currency"[] USING "accepted"::text[]::"billing"."currency"[];
--> statement-breakpoint
DROP TYPE "billing"."currency__previous";

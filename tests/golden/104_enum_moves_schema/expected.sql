-- hazard: BACKWARD_INCOMPATIBLE renames enum "currency" to "billing"."currency"

CREATE SCHEMA "billing";
--> statement-breakpoint
ALTER TYPE "public"."currency" SET SCHEMA "billing";

-- hazard: BACKWARD_INCOMPATIBLE renames attribute "currency" of type "money" to "currency_code"
-- hazard: BACKWARD_INCOMPATIBLE drops attribute "note" of type "money"
-- hazard: BACKWARD_INCOMPATIBLE drops attribute "note" of type "money" and its values from column "prices"."price"

ALTER TYPE "public"."money" RENAME ATTRIBUTE "currency" TO "currency_code";
--> statement-breakpoint
ALTER TYPE "public"."money" DROP ATTRIBUTE "note", ADD ATTRIBUTE "precision" smallint;
--> statement-breakpoint
ALTER TYPE "public"."range2" DROP ATTRIBUTE "low", DROP ATTRIBUTE "high", ADD ATTRIBUTE "label" text, ADD ATTRIBUTE "low" bigint, ADD ATTRIBUTE "high" bigint;

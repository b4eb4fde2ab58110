-- shale:down of 0001_after

ALTER TYPE "public"."money" RENAME ATTRIBUTE "currency_code" TO "currency";
--> statement-breakpoint
ALTER TYPE "public"."money" DROP ATTRIBUTE "precision", ADD ATTRIBUTE "note" text;
--> statement-breakpoint
ALTER TYPE "public"."range2" DROP ATTRIBUTE "label", ALTER ATTRIBUTE "low" TYPE integer, ALTER ATTRIBUTE "high" TYPE integer;

ALTER TYPE "public"."status" ADD VALUE 'approved' AFTER 'review';
--> statement-breakpoint
ALTER TYPE "public"."status" ADD VALUE 'archived' AFTER 'published';

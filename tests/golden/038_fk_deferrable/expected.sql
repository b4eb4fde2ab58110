CREATE TABLE "public"."nodes" (
	"id" bigint NOT NULL,
	"next_id" bigint,
	"prev_id" bigint,
	CONSTRAINT "nodes_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "public"."nodes" ADD CONSTRAINT "nodes_next_id_fkey" FOREIGN KEY ("next_id") REFERENCES "public"."nodes"("id") DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
ALTER TABLE "public"."nodes" ADD CONSTRAINT "nodes_prev_id_fkey" FOREIGN KEY ("prev_id") REFERENCES "public"."nodes"("id") ON DELETE SET NULL DEFERRABLE INITIALLY IMMEDIATE;

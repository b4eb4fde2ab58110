CREATE TABLE "nodes" (
	"id" INTEGER NOT NULL,
	"next_id" INTEGER,
	"prev_id" INTEGER,
	CONSTRAINT "nodes_pkey" PRIMARY KEY ("id"),
	CONSTRAINT "nodes_next_id_fkey" FOREIGN KEY ("next_id") REFERENCES "nodes"("id") DEFERRABLE INITIALLY DEFERRED,
	CONSTRAINT "nodes_prev_id_fkey" FOREIGN KEY ("prev_id") REFERENCES "nodes"("id") ON DELETE SET NULL DEFERRABLE INITIALLY IMMEDIATE
);

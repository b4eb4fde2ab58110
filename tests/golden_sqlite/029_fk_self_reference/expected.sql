CREATE TABLE "comments" (
	"id" INTEGER NOT NULL,
	"parent_id" INTEGER,
	"body" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comments"("id") ON DELETE CASCADE
);

CREATE TABLE "posts" (
	"id" INTEGER NOT NULL,
	"author_id" INTEGER NOT NULL,
	"title" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE
);

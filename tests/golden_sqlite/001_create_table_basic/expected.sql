CREATE TABLE "users" (
	"id" INTEGER NOT NULL,
	"email" TEXT NOT NULL,
	"name" TEXT,
	CONSTRAINT "users_pkey" PRIMARY KEY ("id" AUTOINCREMENT)
);

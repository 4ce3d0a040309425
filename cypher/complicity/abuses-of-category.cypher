// The abuses of one category: the targets of complicityPaths(to: { abuseCategory }).
MATCH (a:Abuse) WHERE a.category = $category
RETURN a.id AS id

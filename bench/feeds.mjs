// The generated JSON Feed documents of the benchmark: the in-page rows' (bench/bench.js,
// in the page) and the big-feed network row's (bench/run.mjs, served by its server), so
// that both read the same kind of news.

const TOPICS = [
  'Tăng cường phòng cháy chữa cháy mùa hanh khô',
  'Cảnh báo thủ đoạn lừa đảo qua mạng xã hội',
  'Lịch tiếp công dân của Giám đốc Công an tỉnh',
  'Ra quân bảo đảm trật tự an toàn giao thông dịp Tết',
  'Hướng dẫn đăng ký thường trú qua dịch vụ công trực tuyến',
  'Triệt phá đường dây mua bán trái phép chất ma túy',
  'Khen thưởng tập thể, cá nhân điển hình trong phong trào toàn dân bảo vệ an ninh Tổ quốc',
];
const CATEGORIES = ['Thông báo', 'Hoạt động lực lượng', 'Cảnh báo tội phạm', 'An toàn giao thông'];

/** A JSON Feed document with `n` items, newest first, the first few within the "Mới" window. */
export function generateFeed(n, now = Date.now()) {
  const items = [];
  for (let i = 0; i < n; i++) {
    const topic = TOPICS[i % TOPICS.length];
    items.push({
      id: `tin-${i}`,
      url: `https://congan.tinh.example/tin-tuc/${i}-${(i * 7919) % 10007}`,
      title: `${topic} (số ${i + 1})`,
      summary: `Tóm tắt tin số ${i + 1}: ${topic.toLowerCase()}; thông tin chi tiết xem trong bài viết.`,
      date_published: new Date(now - 3_600_000 - i * 5 * 3_600_000).toISOString(),
      ...(i % 3 === 0 ? { date_modified: new Date(now - i * 5 * 3_600_000).toISOString() } : {}),
      tags: [CATEGORIES[i % CATEGORIES.length]],
      _civic: {
        views: (i * 7919) % 25000,
        category: CATEGORIES[i % CATEGORIES.length],
        ...(i % 9 === 4 ? { featured: true } : {}),
        ...(i % 250 === 100 ? { pinned: true } : {}),
      },
    });
  }
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Tin tức – bản thử 1.000 tin',
    _civic: { time_zone: 'Asia/Ho_Chi_Minh' },
    items,
  };
}

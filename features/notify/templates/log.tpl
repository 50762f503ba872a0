{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/desk/messages">← Tin nhắn báo cho người nộp</a></p>
  <h1>Tin nhắn kênh nhật ký (thử nghiệm)</h1>
  <p>Kênh nhật ký không gửi đi đâu: tin nhắn chỉ được ghi vào nhật ký của máy chủ và hiện ở đây (tối đa {{KEPT}} tin gần nhất kể từ khi máy chủ khởi động). Trang dành cho người phát triển và thử nghiệm.</p>
  {{#NONE}}<p>Chưa có tin nhắn nào.</p>{{/NONE}}
  {{#HAS_ROWS}}<div class="table-wrap" role="region" aria-labelledby="log-caption" tabindex="0"><table class="stack">
    <caption id="log-caption">Tin nhắn mới nhất trước</caption>
    <thead><tr><th scope="col">Lúc gửi</th><th scope="col">Việc</th><th scope="col">Người nhận</th><th scope="col">Nội dung</th><th scope="col">Địa chỉ báo kết quả</th></tr></thead>
    <tbody>{{#ROW}}<tr><td>{{AT}}</td><td data-label="Việc">{{EVENT}}</td><td data-label="Người nhận">{{PHONE}}<br>{{EMAIL}}</td><td data-label="Nội dung">{{TEXT}}</td><td data-label="Địa chỉ báo kết quả"><code class="callback">{{CALLBACK}}</code></td></tr>{{/ROW}}</tbody>
  </table></div>{{/HAS_ROWS}}
</section>

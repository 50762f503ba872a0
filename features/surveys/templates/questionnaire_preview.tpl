{{%AUTOESCAPE context="HTML"}}<section class="panel narrow survey">
  <p class="back"><a href="{{BACK_URL}}">← Quay lại bộ câu hỏi</a></p>
  <div class="notice" id="preview-note"><p>Xem trước phiên bản {{VERSION}}: người dân thấy các câu hỏi như dưới đây. Trang này không gửi câu trả lời nào.</p></div>
  <h1>Khảo sát sự hài lòng</h1>
  <p class="lead"><strong>{{NAME}}</strong></p>
  <p>Xin ông/bà cho biết mức độ hài lòng của mình. Không cần đăng nhập, phiếu không ghi tên. Các câu ghi “bắt buộc” cần được trả lời.</p>
  {{>QUESTIONS}}
</section>

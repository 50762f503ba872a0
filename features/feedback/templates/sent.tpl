{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>Đã gửi góp ý</h1>
  <p>Mã góp ý của ông/bà:</p>
  <p class="big-code"><strong class="code-text" id="feedback-code">{{CODE}}</strong></p>
  <p>Hãy ghi lại mã này để tra cứu tiến độ và câu trả lời. Nếu đã cho số điện thoại, khi tra cứu cần thêm 4 số cuối của số đó.</p>
  <p><a class="button" id="lookup-link" href="{{LOOKUP_URL}}">Tra cứu góp ý</a></p>
</section>
